// Everything the table's change stream drives, as the stream-consuming Lambdas (webhooks, alerts) do in AWS.
import { onAlertsStream } from '#functions/alerts/index.ts';
import { onChanges } from '#functions/webhooks/handler-core.ts';
import { clock } from '#shared/clock.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';

export const onTableChanges = (records: ChangeRecord[]) => Promise.all([onChanges(records), onAlertsStream(records, clock())]);
