// Fires one request many times, overlapping, and tallies the answers: the tool of every race test.
import type { Reply } from './api.ts';
import { bounded } from './route-matrix.ts';

export interface Tally {
  replies: Reply[];
  /** `200`, `409 INVALID_STATE`, … → how many. */
  outcomes: Record<string, number>;
  winners: Reply[];
}

export const races = { run: 0, requests: 0 };

/** At most this many requests of a race in flight: enough that many read the same version and collide at the
 * conditional write, few enough that one DynamoDB Local on a 2-core machine does not queue them into timeouts
 * (all 200 at once took ~100 s and some answered 503). */
export const RACE_CONCURRENCY = 25;

export async function race(n: number, fire: (i: number) => Promise<Reply>): Promise<Tally> {
  races.run += 1;
  races.requests += n;
  const replies = await bounded(
    RACE_CONCURRENCY,
    Array.from({ length: n }, (_, i) => () => fire(i)),
  );
  const outcomes: Record<string, number> = {};
  for (const r of replies) {
    const key = r.status < 400 ? String(r.status) : `${r.status} ${r.body?.code}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return { replies, outcomes, winners: replies.filter((r) => r.status < 300) };
}

/** The losers' outcomes must all be among `allowed` (e.g. `409 INVALID_STATE`). */
export function losersOnly(tally: Tally, allowed: string[]): string[] {
  return Object.keys(tally.outcomes).filter((k) => !/^2\d\d$/.test(k) && !allowed.includes(k));
}
