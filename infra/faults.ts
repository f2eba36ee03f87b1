// What happens when a consumer or a job keeps failing: nothing is dropped silently. A stream batch that still fails
// after its retries (bisected down to the poison record, with the consumer reporting partial batch failures) is
// described in the stream failure queue; a scheduled run that fails after its retries lands in the job failure queue.
// Both queues alarm (infra/observability.ts).
import {
  Duration,
  type aws_dynamodb as dynamodb,
  aws_events as events,
  aws_events_targets as targets,
  aws_lambda as lambda,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { aws_lambda_destinations as destinations } from 'aws-cdk-lib';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { EXPORT_STREAM_FILTER } from '../functions/oversight/stream-filter.ts';
import { WEBHOOK_STREAM_FILTER } from '../functions/webhooks/stream-filter.ts';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';

export interface FailureQueues {
  /** Batches of the change stream a consumer could not process (Lambda sends the shard and sequence numbers). */
  stream: sqs.Queue;
  /** Scheduled runs that failed, or that EventBridge could not deliver. */
  jobs: sqs.Queue;
}

/** Stream records older than this go to the failure queue instead of being retried: the stream keeps records 24 h,
 *  so an operator has the remaining 18 h to re-read the failed range the queue message names. */
export const STREAM_MAX_RECORD_AGE = Duration.hours(6);
export const STREAM_RETRY_ATTEMPTS = 10;
/** A scheduled run is retried this often, and not after this age (the next run covers what it missed). */
export const JOB_RETRY_ATTEMPTS = 2;
export const JOB_MAX_EVENT_AGE = Duration.minutes(10);

function failureQueue(scope: Construct, id: string, stage: StageSettings): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    enforceSSL: true,
    ...(stage.key
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: stage.key }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED }),
    removalPolicy: stage.removalPolicy,
  });
  acknowledge(
    queue,
    'AwsSolutions-SQS3',
    'This queue is itself the dead-letter destination; its depth alarms, and an operator replays or inspects what it holds',
  );
  return queue;
}

export function createFailureQueues(scope: Construct, stage: StageSettings): FailureQueues {
  return { stream: failureQueue(scope, 'StreamFailures', stage), jobs: failureQueue(scope, 'JobFailures', stage) };
}

/** The event filter of each stream consumer that needs only some records, taken from the function's own filter (which
 *  its handler applies too, so the two cannot drift); a consumer not listed gets every record. */
export const STREAM_FILTERS: Record<string, Record<string, unknown>> = {
  webhooks: WEBHOOK_STREAM_FILTER.pattern,
  oversight: EXPORT_STREAM_FILTER.pattern,
};

/** The table's stream as the function's event source, with the failure handling above and the function's filter. */
export function addStreamSource(
  fn: lambda.Function,
  name: string,
  table: dynamodb.ITable,
  queues: FailureQueues,
): void {
  const filter = STREAM_FILTERS[name];
  fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: STREAM_RETRY_ATTEMPTS,
      reportBatchItemFailures: true,
      maxRecordAge: STREAM_MAX_RECORD_AGE,
      onFailure: new SqsDlq(queues.stream),
      ...(filter ? { filters: [lambda.FilterCriteria.filter(filter)] } : {}),
    }),
  );
}

/** An EventBridge schedule with retries and a dead-letter queue, and Lambda's own retries of the async invocation
 *  (a run that throws) sending what still fails to the same queue. */
export function addSchedule(
  scope: Construct,
  id: string,
  fn: lambda.Function,
  expression: string,
  queues: FailureQueues,
): void {
  new events.Rule(scope, `${id}Schedule`, {
    schedule: events.Schedule.expression(expression),
    targets: [
      new targets.LambdaFunction(fn, {
        retryAttempts: JOB_RETRY_ATTEMPTS,
        maxEventAge: JOB_MAX_EVENT_AGE,
        deadLetterQueue: queues.jobs,
      }),
    ],
  });
  fn.configureAsyncInvoke({
    retryAttempts: JOB_RETRY_ATTEMPTS,
    maxEventAge: JOB_MAX_EVENT_AGE,
    onFailure: new destinations.SqsDestination(queues.jobs),
  });
}
