// The console's only way to the API: the typed client of client/ (openapi-fetch over the generated schema).
import { createClient, type components } from '../../../client/index.ts';

export type Schemas = components['schemas'];
export type Manifest = Schemas['Manifest'];
export type Problem = Schemas['Problem'];
export type ManifestAction = Schemas['ManifestActions'][number]['action'];

/** A refusal of the API (problem+json), thrown by `unwrap` so TanStack Query and forms see it. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: number,
  ) {
    super(problem.detail);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * fetch with the two things every call needs: an Idempotency-Key on each POST (so a retry is safe), and a 503's
 * Retry-After honoured (up to 3 tries) before the refusal reaches the page.
 */
async function retryingFetch(request: Request): Promise<Response> {
  if (request.method === 'POST' && !request.headers.has('Idempotency-Key'))
    request.headers.set('Idempotency-Key', crypto.randomUUID());
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(request.clone());
    if (res.status !== 503 || attempt >= 3) return res;
    const wait = Number(res.headers.get('retry-after') ?? '1');
    await sleep(Math.min(Number.isFinite(wait) ? wait : 1, 30) * 1000);
  }
}

export function apiClient(token: () => string | Promise<string>) {
  return createClient({ baseUrl: window.location.origin, token, fetch: retryingFetch });
}
export type Api = ReturnType<typeof apiClient>;

/** `{data, error, response}` → data, or throws the problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (
    error && typeof error === 'object' && 'detail' in error
      ? error
      : {
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          detail: `${response.status} ${response.statusText}`,
          code: 'VALIDATION_FAILED',
        }
  ) as Problem;
  throw new ApiProblem(problem, response.status);
}

/** Downloads a PDF route (called with `parseAs: 'blob'`) through the client, since it needs the token. */
export async function openPdf(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  filename: string,
) {
  const blob = (await unwrap(call)) as Blob;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
