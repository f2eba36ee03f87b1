// What an operator watches: alarms that notify an SNS topic, and one dashboard with the API, the functions, the
// change stream, the failure queues and the business metrics the functions emit (shared/observability/metrics.ts).
import {
  Duration,
  Stack,
  type aws_apigatewayv2 as apigw,
  aws_cloudwatch as cloudwatch,
  aws_iam as iam,
  type aws_lambda as lambda,
} from 'aws-cdk-lib';
import { aws_cloudwatch_actions as actions, aws_sns as sns, aws_sns_subscriptions as subscriptions } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { METRICS_DIMENSION, METRICS_NAMESPACE, type BusinessMetric } from '../shared/observability/metrics.ts';
import type { FailureQueues } from './faults.ts';
import { specOf } from './function-specs.ts';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';

const FIVE_MINUTES = Duration.minutes(5);
/** A stream consumer this far behind is not keeping alert deadlines and statistics current. */
export const ITERATOR_AGE_ALARM_MS = 10 * 60 * 1000;
/** Percent of webhook deliveries failing in 15 minutes, once there are at least WEBHOOK_MIN_ATTEMPTS. */
export const WEBHOOK_FAILURE_PERCENT = 50;
const WEBHOOK_MIN_ATTEMPTS = 10;

export interface ObservabilityInputs {
  api: apigw.HttpApi;
  functions: Map<string, lambda.Function>;
  failures: FailureQueues;
  stage: StageSettings;
  alarmEmails: string[];
}

export const businessMetric = (scope: Construct, name: BusinessMetric, period = FIVE_MINUTES) =>
  new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [METRICS_DIMENSION]: Stack.of(scope).stackName },
    statistic: 'Sum',
    period,
  });

function alarmTopic(scope: Construct, stage: StageSettings, emails: string[]): sns.Topic {
  const topic = new sns.Topic(scope, 'AlarmTopic', {
    displayName: 'WasteChain alarms',
    enforceSSL: true,
    ...(stage.key ? { masterKey: stage.key } : {}),
  });
  if (stage.key) {
    // CloudWatch publishes alarm notifications to the encrypted topic through the key.
    stage.key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  } else {
    acknowledge(
      topic,
      'AwsSolutions-SNS2',
      'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and alarm notices carry no personal data; set customerManagedKey to encrypt it with the deployment key',
    );
  }
  for (const email of emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
  return topic;
}

export function createObservability(
  scope: Construct,
  inputs: ObservabilityInputs,
): { topic: sns.Topic; alarms: cloudwatch.Alarm[]; dashboard: cloudwatch.Dashboard } {
  const { api, functions, failures } = inputs;
  const topic = alarmTopic(scope, inputs.stage, inputs.alarmEmails);
  const action = new actions.SnsAction(topic);
  const alarms: cloudwatch.Alarm[] = [];
  const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
    const a = new cloudwatch.Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    a.addAlarmAction(action);
    a.addOkAction(action);
    alarms.push(a);
  };

  alarm(
    'Api5xxAlarm',
    api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
    5,
    'The API answered 5 or more 5xx responses in 5 minutes',
  );
  for (const [name, fn] of functions) {
    alarm(
      `${fn.node.id}ThrottlesAlarm`,
      fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      `The ${name} function was throttled`,
    );
    if (specOf(name).stream) {
      alarm(
        `${fn.node.id}IteratorAgeAlarm`,
        fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
        ITERATOR_AGE_ALARM_MS,
        `The ${name} function is more than ${ITERATOR_AGE_ALARM_MS / 60000} minutes behind the table's change stream`,
      );
    }
  }
  const alerts = functions.get('alerts');
  if (alerts) {
    alarm(
      'AlertsJobFailedAlarm',
      alerts.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'The alerts function failed (its job or a stream batch): overdue manifests and expiring licences may not be flagged',
    );
  }
  alarm(
    'StreamFailuresAlarm',
    failures.stream.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
    1,
    'A change-stream batch could not be processed: statistics, alert deadlines or webhooks miss it until it is replayed (README, "Faults")',
  );
  alarm(
    'JobFailuresAlarm',
    failures.jobs.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
    1,
    'A scheduled run (the alerts job or the webhook retry sweep) failed after its retries',
  );
  const period = Duration.minutes(15);
  alarm(
    'WebhookFailureRateAlarm',
    new cloudwatch.MathExpression({
      expression: `IF(failed + succeeded >= ${WEBHOOK_MIN_ATTEMPTS}, 100 * failed / (failed + succeeded), 0)`,
      usingMetrics: {
        failed: businessMetric(scope, 'WebhookDeliveriesFailed', period),
        succeeded: businessMetric(scope, 'WebhookDeliveriesSucceeded', period),
      },
      period,
      label: 'Webhook deliveries failing (%)',
    }),
    WEBHOOK_FAILURE_PERCENT,
    `${WEBHOOK_FAILURE_PERCENT}% or more of webhook deliveries failed in 15 minutes`,
  );

  const dashboard = createDashboard(scope, inputs);
  return { topic, alarms, dashboard };
}

function createDashboard(scope: Construct, { api, functions, failures }: ObservabilityInputs): cloudwatch.Dashboard {
  const fns = [...functions.values()];
  const perFunction = (metric: (fn: lambda.Function) => cloudwatch.IMetric) => fns.map(metric);
  const streamFns = [...functions].filter(([name]) => specOf(name).stream).map(([, fn]) => fn);
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: `${Stack.of(scope).stackName}-operations`,
    defaultInterval: Duration.hours(24),
  });
  const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
    new cloudwatch.GraphWidget({ title, left, width, height: 6 });
  dashboard.addWidgets(
    graph('API requests', [api.metricCount({ period: FIVE_MINUTES })]),
    graph('API 4xx / 5xx', [
      api.metricClientError({ period: FIVE_MINUTES }),
      api.metricServerError({ period: FIVE_MINUTES }),
    ]),
    graph('API latency p99 (ms)', [api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' })]),
  );
  dashboard.addWidgets(
    graph(
      'Function errors',
      perFunction((fn) => fn.metricErrors({ period: FIVE_MINUTES, label: fn.node.id })),
    ),
    graph(
      'Function duration p99 (ms)',
      perFunction((fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: fn.node.id })),
    ),
    graph(
      'Throttles',
      perFunction((fn) => fn.metricThrottles({ period: FIVE_MINUTES, label: fn.node.id })),
    ),
  );
  dashboard.addWidgets(
    graph(
      'Stream iterator age (ms, max)',
      streamFns.map((fn) =>
        fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum', label: fn.node.id }),
      ),
    ),
    graph('Failure queues (messages)', [
      failures.stream.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
        label: 'stream failures',
      }),
      failures.jobs.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
        label: 'job failures',
      }),
    ]),
    graph('Webhook deliveries', [
      businessMetric(scope, 'WebhookDeliveriesSucceeded'),
      businessMetric(scope, 'WebhookDeliveriesFailed'),
    ]),
  );
  dashboard.addWidgets(
    graph(
      'Manifests',
      (['ManifestsCreated', 'ManifestsDispatched', 'ManifestsReceived', 'ManifestsCompleted'] as const).map((m) =>
        businessMetric(scope, m, Duration.hours(1)),
      ),
      12,
    ),
    graph(
      'Alerts opened, track points refused',
      (['AlertsOpened', 'TrackPointsRefused'] as const).map((m) => businessMetric(scope, m, Duration.hours(1))),
      12,
    ),
  );
  return dashboard;
}
