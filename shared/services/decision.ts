// What a state-changing service decides: the answer to give and the writes that make it true, committed by the route
// in one transaction (shared/http/respond.ts `commitDecision`).
import type { TxItem } from '#shared/store/transact.ts';

export interface Decision<T> {
  view: T;
  writes: TxItem[];
}
