// Who a local token is minted for: the shape /local/token takes, used by the demo, the tests and the benchmark.
import type { Group } from '#shared/domain/jurisdiction.ts';

export interface User {
  sub: string;
  groups: Group[];
  jurisdiction?: string;
}

export const enterprise = (sub: string): User => ({ sub, groups: ['enterprise'] });
export const regulator = (sub: string, jurisdiction: string): User => ({ sub, groups: ['regulator'], jurisdiction });
