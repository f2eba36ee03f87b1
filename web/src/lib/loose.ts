// Calls to routes of api.md that the generated client does not know yet (tracks, incidents, applications, exports
// land in parallel): the same client, so the same token, Idempotency-Key and 503 handling; typed at the call site.
// Once client:generate knows a route, call it through `api` directly.
import { type Api, openPdf, unwrap } from './api.ts';

type Reply = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface LooseClient {
  GET(
    path: string,
    init?: { params?: { query?: object }; headers?: Record<string, string>; parseAs?: 'blob' | 'json' },
  ): Reply;
  POST(path: string, init?: { body?: unknown }): Reply;
}

const loose = (api: Api) => api as unknown as LooseClient;

export const looseGet = <T>(api: Api, path: string, query?: object) =>
  unwrap<T>(
    loose(api).GET(path, { params: query ? { query } : {} }) as Promise<{
      data?: T;
      error?: unknown;
      response: Response;
    }>,
  );
export const loosePost = <T>(api: Api, path: string, body?: unknown) =>
  unwrap<T>(loose(api).POST(path, { body: body ?? {} }) as Promise<{ data?: T; error?: unknown; response: Response }>);

/** Query values the API takes: empty fields left out. */
export const compact = (q: Record<string, string | number | undefined>) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ''));

/** 导出CSV: the list's own route with Accept: text/csv, saved as a file (the token rides on the client). */
export const downloadCsv = (api: Api, path: string, query: object, filename: string) =>
  openPdf(loose(api).GET(path, { params: { query }, headers: { Accept: 'text/csv' }, parseAs: 'blob' }), filename);

/** A route's body (e.g. the chain's evidence document) as a downloaded file. */
export const downloadBlob = (api: Api, path: string, query: object, filename: string) =>
  openPdf(loose(api).GET(path, { params: { query }, parseAs: 'blob' }), filename);
