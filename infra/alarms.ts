// Alarms an operator must hear about: server errors, throttling, and the alerts job failing.
// They carry no action here: subscribe a topic or a pager in the console or by extending this file.
import { Duration, type aws_apigatewayv2 as apigw, aws_cloudwatch as cloudwatch, type aws_lambda as lambda } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

const FIVE_MINUTES = Duration.minutes(5);

function alarm(scope: Construct, id: string, metric: cloudwatch.IMetric, threshold: number, description: string) {
  return new cloudwatch.Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
}

export function createAlarms(scope: Construct, api: apigw.HttpApi, functions: Map<string, lambda.Function>): void {
  alarm(scope, 'Api5xxAlarm', api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), 5,
    'The API answered 5 or more 5xx responses in 5 minutes');
  for (const [name, fn] of functions) {
    alarm(scope, `${fn.node.id}ThrottlesAlarm`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), 1,
      `The ${name} function was throttled`);
  }
  const alerts = functions.get('alerts');
  if (alerts) {
    alarm(scope, 'AlertsJobFailedAlarm', alerts.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1,
      'The alerts job failed: overdue manifests and expiring licences are not being flagged');
  }
}
