// Background CSV exports (api.md, "Chains and oversight"): the request is checked and recorded at once (202), the
// stream consumer of the oversight function writes the file, and each GET by the regulator who asked answers its
// status and, when done, a fresh 15-minute download URL.
import { v7 as uuidv7 } from 'uuid';
import type { ExportList } from '#shared/domain/export-lists.ts';
import { AppError, notFound } from '#shared/errors.ts';
import { exportStorage } from '#shared/exports/storage.ts';
import { actorOf, type Actor } from '#shared/domain/jurisdiction.ts';
import { csvHeader, csvRows } from '#shared/exports/csv.ts';
import { createExportWrite, finishExportWrite, getExport, type ExportEntity } from '#shared/store/export-store.ts';
import { transact } from '#shared/store/transact.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { OVERSIGHT_LISTS } from '#shared/services/oversight-lists.ts';
import { must } from '#shared/must.ts';

async function exportView(e: ExportEntity, origin: string) {
  const { id, list, query, status, rows, createdAt, finishedAt } = e;
  const url = status === 'done' ? await (await exportStorage()).url(id, origin) : undefined;
  return { id, list, query, status, rows, createdAt, ...(finishedAt ? { finishedAt } : {}), ...(url ? { url } : {}) };
}

/** `query`: the list's filters, parsed as its route parses them. */
export async function requestExport(actor: Actor, list: ExportList, query: Record<string, string | number>, now: Date) {
  const def = OVERSIGHT_LISTS[list];
  if (!def)
    throw new AppError('VALIDATION_FAILED', `The ${list} list is not part of this deployment`, [
      { path: 'list', message: 'not available here' },
    ]);
  if (!actor.isRegulator) throw new AppError('FORBIDDEN', 'Only regulators export oversight lists');
  // Refusals come now, as the list route gives them (403, 422), not as a failed export later.
  await def.pages(actor, query, now)[Symbol.asyncIterator]().next();
  const e: ExportEntity = {
    id: uuidv7(),
    list,
    query,
    requestedBy: {
      sub: actor.sub,
      groups: actor.groups,
      ...(actor.jurisdiction ? { jurisdiction: actor.jurisdiction } : {}),
    },
    status: 'running',
    rows: 0,
    createdAt: now.toISOString(),
    version: 1,
  };
  return { view: await exportView(e, ''), writes: [createExportWrite(e)] };
}

export async function viewExport(actor: Actor, id: string, origin: string) {
  const e = await getExport(id);
  if (!e || e.requestedBy.sub !== actor.sub) throw notFound('export');
  return exportView(e, origin);
}

/** Writes the file of a running export and records the outcome (once: a redelivered record finds it finished). */
export async function runExport(id: string, now: () => Date): Promise<ExportEntity | undefined> {
  const e = await getExport(id);
  if (e?.status !== 'running') return undefined;
  const def = must(
    OVERSIGHT_LISTS[e.list as ExportList],
    `an oversight list named ${e.list} (requestExport checked it)`,
  );
  let outcome: ExportEntity;
  try {
    const parts = [csvHeader(def.columns)];
    let rows = 0;
    for await (const page of def.pages(actorOf(e.requestedBy), e.query, new Date(e.createdAt))) {
      parts.push(csvRows(def.columns, page));
      rows += page.length;
    }
    await (await exportStorage()).put(e.id, parts.join(''));
    outcome = { ...e, status: 'done', rows, finishedAt: now().toISOString(), version: e.version + 1 };
  } catch (err) {
    console.error(
      JSON.stringify({ level: 'ERROR', message: 'export failed', exportId: e.id, error: (err as Error).message }),
    );
    outcome = {
      ...e,
      status: 'failed',
      error: (err as Error).message.slice(0, 500),
      finishedAt: now().toISOString(),
      version: e.version + 1,
    };
  }
  await transact([finishExportWrite(outcome)]).catch((err) => {
    if (!(err instanceof AppError && err.status === 409)) throw err; // finished by an earlier delivery of the record
  });
  return outcome;
}

/** The stream consumer: every new export request (the oversight function's event source mapping filters to them). */
export async function onExportChanges(records: ChangeRecord[], now: () => Date): Promise<void> {
  for (const r of records)
    if (r.eventName === 'INSERT' && r.newImage?.itemType === 'export') await runExport(r.newImage.id as string, now);
}
