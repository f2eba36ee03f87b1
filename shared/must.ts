// Invariants: a value the code itself guarantees (an index within bounds, a key it wrote, a column the reference data
// has). Its absence is a bug, not bad input, so it is a plain Error (a 500), never an AppError with a 4xx code.

/** `value`, or an Error saying which invariant broke (`why`: what should have guaranteed it). */
export function must<T>(value: T | null | undefined, why: string): T {
  if (value === undefined || value === null) throw new Error(`Invariant broken: ${why}`);
  return value;
}
