// Everything the table's change stream drives, as the stream-consuming Lambdas (webhooks, alerts) do in AWS.
import { onChanges } from '#functions/webhooks/handler-core.ts';
import { clock } from '#shared/clock.ts';
import { onAlertChanges } from '#shared/services/alert-service.ts';
import { onCustodyChanges } from '#shared/services/completion-consumer.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';

export const onTableChanges = (records: ChangeRecord[]) =>
  Promise.all([onChanges(records), onAlertChanges(records, clock()), onStatsChanges(records, clock()), onCustodyChanges(records, clock())]);
