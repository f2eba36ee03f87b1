// Which identity a fuzzed request goes as: the one the route serves, or one it refuses (whose requests must write nothing).
import { answerOf, IDENTITY_ROLES, type Expectation, type IdentityRole } from '../support/route-matrix.ts';

/** The identity the route serves (the owner when it serves several): schema-valid bodies go as it. */
export const actingRole = (e: Expectation): IdentityRole =>
  IDENTITY_ROLES.find((role) => answerOf(e.answers, role) < 400) ?? 'owner';

/** The first identity the route refuses (a refused request writes nothing, whatever its body). */
export const refusingRole = (e: Expectation): IdentityRole | undefined =>
  (['regulatorOut', 'other', 'regulatorIn', 'owner'] as const).find((role) => answerOf(e.answers, role) >= 400);
