// Alert subjects of several parts ("manifest/leg", "licence/entry/year"), built by the rules that raise the alert and
// split again where a stored alert's cause is looked up.

/** The first `n` parts of a subject id the rules built; fewer is a bug (no rule writes such a subject). */
export function subjectParts(subjectId: string, n: 1): [string, ...string[]];
export function subjectParts(subjectId: string, n: 2): [string, string, ...string[]];
export function subjectParts(subjectId: string, n: 3): [string, string, string, ...string[]];
export function subjectParts(subjectId: string, n: number): string[] {
  const parts = subjectId.split('/');
  if (parts.length < n) throw new Error(`Invariant broken: alert subject ${subjectId} has fewer than ${n} parts`);
  return parts;
}
