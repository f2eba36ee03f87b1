// The single table's shape, shared by the CDK stack and the local table creation so the two cannot drift.
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/** Generic overloaded indexes; which item uses which is documented in shared/store/README.md. */
export const GLOBAL_INDEXES = [
  { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
] as const;

export type IndexName = (typeof GLOBAL_INDEXES)[number]['indexName'];

/** Only idempotency records, stream marks and oversight exports carry it: manifest data is kept for at least 10 years (ZY 20). */
export const TTL_ATTRIBUTE = 'expiresAt';
