// The only place a key string is made. Every item type and access pattern is listed in README.md beside this file.
type Key = { PK: string; SK: string };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const keys = {
  party: (partyId: string): Key => ({ PK: `PARTY#${partyId}`, SK: 'PARTY' }),
  /** GSI1: every party by division (jurisdiction lists); GSI2: by status and division (the directory of active parties). */
  partyIndexes: (p: { id: string; divisionCode: string; status: string }) => ({
    GSI1PK: 'PARTIES',
    GSI1SK: `${p.divisionCode}#${p.id}`,
    GSI2PK: `PARTIES#${p.status}`,
    GSI2SK: `${p.divisionCode}#${p.id}`,
  }),
  usccClaim: (uscc: string): Key => ({ PK: `USCC#${uscc}`, SK: 'USCC' }),

  member: (partyId: string, sub: string): Key => ({ PK: `PARTY#${partyId}`, SK: `MEMBER#${sub}` }),
  memberIndexes: (partyId: string, sub: string) => ({ GSI1PK: `USER#${sub}`, GSI1SK: `PARTY#${partyId}` }),
  memberPrefix: 'MEMBER#',
  userMemberships: (sub: string) => `USER#${sub}`,

  licence: (partyId: string, licenceId: string): Key => ({ PK: `PARTY#${partyId}`, SK: `LICENCE#${licenceId}` }),
  licencePrefix: 'LICENCE#',

  idempotency: (sub: string, idempotencyKey: string): Key => ({ PK: `IDEM#${sub}#${idempotencyKey}`, SK: 'IDEM' }),

  // --- records: plans, ledger entries, stock, approvals (functions/records) ---

  // --- manifests: manifests, events, numbers, counters, party/division index items (functions/manifests) ---
  manifestEvent: (manifestId: string, seq: number): Key => ({ PK: `MANIFEST#${manifestId}`, SK: `EVENT#${pad(seq, 6)}` }),
  manifestEventPrefix: 'EVENT#',
  manifestPartition: (manifestId: string) => `MANIFEST#${manifestId}`,

  /** Party-level partition value for list queries on the main table. */
  partyPartition: (partyId: string) => `PARTY#${partyId}`,
  allPartiesPartition: 'PARTIES',
  partiesByStatusPartition: (status: string) => `PARTIES#${status}`,

  pad,
};

export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'itemType', 'expiresAt'];

/** The entity stored in an item, without its keys and bookkeeping attributes. */
export function entityOf<T>(item: Record<string, unknown>): T {
  const entity: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(name)) entity[name] = value;
  return entity as T;
}
