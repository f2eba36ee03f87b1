// The only place a key string is made. Every item type and access pattern is listed in README.md beside this file.
type Key = { PK: string; SK: string };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Partitions of the deadline index: each takes 1,000 writes/s, so 16 take a national day's peak with room. */
export const ALERT_DUE_SHARDS = 16;
/** A stable shard of a cause (FNV-1a of `type#subjectId`): the same cause always lands in the same partition. */
function alertDueShard(cause: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < cause.length; i += 1) h = Math.imul(h ^ cause.charCodeAt(i), 0x01000193);
  return `ALERTDUE#${pad((h >>> 0) % ALERT_DUE_SHARDS, 2)}`;
}

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

  /** The sub is encoded so that no '#' in it can make (sub, key) pairs collide; a key may hold any printable character. */
  idempotency: (sub: string, idempotencyKey: string): Key => ({
    PK: `IDEM#${encodeURIComponent(sub)}#${idempotencyKey}`,
    SK: 'IDEM',
  }),

  // --- records: plans, ledger entries, stock, approvals (functions/records) ---
  /** One item per filed version; the current plan of a year is the highest version. */
  plan: (partyId: string, year: number, version: number): Key => ({
    PK: `PARTY#${partyId}`,
    SK: `PLAN#${year}#${pad(version, 4)}`,
  }),
  planYearPrefix: (year: number) => `PLAN#${year}#`,
  /** Filing numbers: one serial per county and year. */
  planFilingCounter: (divisionCode: string, year: number): Key => ({
    PK: `COUNTER#PLAN#${divisionCode}#${year}`,
    SK: 'COUNTER',
  }),

  ledgerEntry: (partyId: string, entryId: string): Key => ({ PK: `PARTY#${partyId}`, SK: `LEDGER#${entryId}` }),
  /** GSI1: a party's ledger by the time it happened; GSI2: its generated batches of one code, oldest first (removed on void). */
  ledgerIndexes: (e: { partyId: string; id: string; at: string; wasteCode: string; kind: string }) => ({
    GSI1PK: `LEDGER#${e.partyId}`,
    GSI1SK: `${e.at}#${e.id}`,
    ...(e.kind === 'generated' ? { GSI2PK: `BATCHES#${e.partyId}#${e.wasteCode}`, GSI2SK: `${e.at}#${e.id}` } : {}),
  }),
  ledgerPartition: (partyId: string) => `LEDGER#${partyId}`,
  batchPartition: (partyId: string, wasteCode: string) => `BATCHES#${partyId}#${wasteCode}`,
  /** Batch code serials: one per party and local day. */
  batchCounter: (partyId: string, day: string): Key => ({ PK: `PARTY#${partyId}`, SK: `BATCHSEQ#${day}` }),

  stock: (partyId: string, wasteCode: string): Key => ({ PK: `PARTY#${partyId}`, SK: `STOCK#${wasteCode}` }),
  stockPrefix: 'STOCK#',

  approval: (approvalId: string): Key => ({ PK: `APPROVAL#${approvalId}`, SK: 'APPROVAL' }),
  /** GSI1: approvals by generator; GSI2: by receiver; both newest last by creation. */
  approvalIndexes: (a: { id: string; generatorId: string; receiverId: string; createdAt: string }) => ({
    GSI1PK: `APPROVALS#GENERATOR#${a.generatorId}`,
    GSI1SK: `${a.createdAt}#${a.id}`,
    GSI2PK: `APPROVALS#RECEIVER#${a.receiverId}`,
    GSI2SK: `${a.createdAt}#${a.id}`,
  }),
  /** Regulators' lists (rule 31): one link per approval in its outbound and in its receiving province, by creation. */
  approvalProvinceLink: (province: string, createdAt: string, approvalId: string): Key => ({
    PK: `APPROVALS#PROVINCE#${province}`,
    SK: `${createdAt}#${approvalId}`,
  }),
  approvalProvincePartition: (province: string) => `APPROVALS#PROVINCE#${province}`,
  approvalsByGenerator: (partyId: string) => `APPROVALS#GENERATOR#${partyId}`,
  approvalsByReceiver: (partyId: string) => `APPROVALS#RECEIVER#${partyId}`,

  application: (applicationId: string): Key => ({ PK: `APPLICATION#${applicationId}`, SK: 'APPLICATION' }),
  /** GSI1: by generator; GSI2: by the outbound province; GSI3 (sparse, from consent-requested on): by the receiving
   *  province, which sees the application only from then. All oldest first by creation. */
  applicationIndexes: (a: {
    id: string;
    generatorId: string;
    generatorProvince: string;
    receiverProvince: string;
    createdAt: string;
    inbound: boolean;
  }) => ({
    GSI1PK: `APPLICATIONS#GENERATOR#${a.generatorId}`,
    GSI1SK: `${a.createdAt}#${a.id}`,
    GSI2PK: `APPLICATIONS#OUT#${a.generatorProvince}`,
    GSI2SK: `${a.createdAt}#${a.id}`,
    ...(a.inbound ? { GSI3PK: `APPLICATIONS#IN#${a.receiverProvince}`, GSI3SK: `${a.createdAt}#${a.id}` } : {}),
  }),
  applicationsByGenerator: (partyId: string) => `APPLICATIONS#GENERATOR#${partyId}`,
  applicationsOutbound: (province: string) => `APPLICATIONS#OUT#${province}`,
  applicationsInbound: (province: string) => `APPLICATIONS#IN#${province}`,

  // --- manifests: manifests, events, numbers, counters, party/division index items (functions/manifests) ---
  manifestEvent: (manifestId: string, seq: number): Key => ({
    PK: `MANIFEST#${manifestId}`,
    SK: `EVENT#${pad(seq, 6)}`,
  }),
  manifestEventPrefix: 'EVENT#',
  manifestPartition: (manifestId: string) => `MANIFEST#${manifestId}`,
  manifest: (manifestId: string): Key => ({ PK: `MANIFEST#${manifestId}`, SK: 'MANIFEST' }),
  /** One claim per number: unique forever, found by number (GET …/by-number). */
  manifestNumberClaim: (number: string): Key => ({ PK: `MANIFESTNO#${number}`, SK: 'MANIFESTNO' }),
  /** The serial counter of a city and year, taken before the create transaction (gaps allowed). */
  manifestNumberCounter: (year: number, city: string): Key => ({
    PK: `COUNTER#MANIFEST#${year}#${city}`,
    SK: 'COUNTER',
  }),
  /** A party's link to a manifest it is on. GSI1: all its manifests by creation; GSI2: by status; GSI3: its inbox, oldest first. */
  manifestLink: (partyId: string, manifestId: string): Key => ({
    PK: `PARTY#${partyId}`,
    SK: `MANIFEST#${manifestId}`,
  }),
  manifestLinkIndexes: (l: {
    partyId: string;
    manifestId: string;
    createdAt: string;
    status: string;
    awaitedSince?: string | undefined;
  }) => ({
    GSI1PK: `MANIFESTS#${l.partyId}`,
    GSI1SK: `${l.createdAt}#${l.manifestId}`,
    GSI2PK: `MANIFESTS#${l.partyId}#${l.status}`,
    GSI2SK: `${l.createdAt}#${l.manifestId}`,
    ...(l.awaitedSince ? { GSI3PK: `INBOX#${l.partyId}`, GSI3SK: `${l.awaitedSince}#${l.manifestId}` } : {}),
  }),
  partyManifests: (partyId: string) => `MANIFESTS#${partyId}`,
  partyManifestsByStatus: (partyId: string, status: string) => `MANIFESTS#${partyId}#${status}`,
  partyInbox: (partyId: string) => `INBOX#${partyId}`,
  /** A party's feed: one item per party per committed transition, in time order. */
  feedItem: (partyId: string, at: string, manifestId: string, seq: number): Key => ({
    PK: `FEED#${partyId}`,
    SK: `${at}#${manifestId}#${pad(seq, 6)}`,
  }),
  feedPartition: (partyId: string) => `FEED#${partyId}`,
  /** Per received line: accepted and rejected kilograms and what is still available of each (sources, disposals). */
  lineBalance: (manifestId: string, lineNo: number): Key => ({
    PK: `MANIFEST#${manifestId}`,
    SK: `LINE#${pad(lineNo, 3)}`,
  }),
  lineBalancePrefix: 'LINE#',
  /** Committed kilograms (accepted + in flight) per receiver licence entry and calendar year. */
  capacityCounter: (partyId: string, year: number, licenceId: string, entryCode: string): Key => ({
    PK: `PARTY#${partyId}`,
    SK: `CAPACITY#${year}#${licenceId}#${entryCode}`,
  }),
  capacityYearPrefix: (year: number) => `CAPACITY#${year}#`,

  // --- route tracks: one partition per manifest leg (no hot key: a fleet's points spread over its legs) ---
  /** A point, keyed by its instant: the same instant twice is the same item (a retried batch adds nothing). */
  trackPoint: (manifestId: string, leg: number, at: string): Key => ({
    PK: `TRACK#${manifestId}#${pad(leg, 2)}`,
    SK: `AT#${at}`,
  }),
  trackPointPrefix: 'AT#',
  trackPartition: (manifestId: string, leg: number) => `TRACK#${manifestId}#${pad(leg, 2)}`,
  /** The leg's head: its count and running summary, versioned; every point write and the leg's closing check it. */
  trackHead: (manifestId: string, leg: number): Key => ({ PK: `TRACK#${manifestId}#${pad(leg, 2)}`, SK: 'HEAD' }),
  /** A party's copy of an alert naming it or one of its manifests, newest first (kept by the change stream). */
  partyAlert: (partyId: string, openedAt: string, alertId: string): Key => ({
    PK: `PARTYALERTS#${partyId}`,
    SK: `${openedAt}#${alertId}`,
  }),
  partyAlertsPartition: (partyId: string) => `PARTYALERTS#${partyId}`,

  // --- oversight: manifests by division at every level, alert deadlines and alerts, statistics (functions/oversight) ---
  /** One item per manifest and division prefix (2, 4, 6 digits; nationwide spread over shards), newest first by SK. */
  oversightEntry: (partition: string, createdAt: string, manifestId: string): Key => ({
    PK: `OVS#${partition}`,
    SK: `${createdAt}#${manifestId}`,
  }),
  /** GSI1: the same entries by status. */
  oversightStatusIndex: (partition: string, status: string, createdAt: string, manifestId: string) => ({
    GSI1PK: `OVS#${partition}#${status}`,
    GSI1SK: `${createdAt}#${manifestId}`,
  }),
  oversightPartition: (partition: string) => `OVS#${partition}`,
  oversightStatusPartition: (partition: string, status: string) => `OVS#${partition}#${status}`,

  // --- disposal: reports and residues (functions/disposal) ---
  /** A disposal report lives in its manifest's partition: one Query lists a manifest's reports (and the chain's disposed kg). */
  disposal: (manifestId: string, disposalId: string): Key => ({
    PK: `MANIFEST#${manifestId}`,
    SK: `DISPOSAL#${disposalId}`,
  }),
  disposalPrefix: 'DISPOSAL#',

  /** What can fall due: one item per (alert type, subject); GSI3 orders them by due time for the alerts job, spread over
   *  ALERT_DUE_SHARDS partitions by a hash of the cause (writes at national volume make no hot key; the job reads all). */
  alertDeadline: (type: string, subjectId: string): Key => ({ PK: `DEADLINE#${type}#${subjectId}`, SK: 'DEADLINE' }),
  alertDeadlineIndex: (dueAt: string, type: string, subjectId: string) => ({
    GSI3PK: alertDueShard(`${type}#${subjectId}`),
    GSI3SK: `${dueAt}#${type}#${subjectId}`,
  }),
  alertDuePartitions: () => Array.from({ length: ALERT_DUE_SHARDS }, (_, i) => `ALERTDUE#${pad(i, 2)}`),
  /** Alerts: GSI1 all by division; GSI2 by status and division (begins_with a division prefix at any level). */
  alert: (alertId: string): Key => ({ PK: `ALERT#${alertId}`, SK: 'ALERT' }),
  alertIndexes: (a: { id: string; divisionCode: string; status: string; openedAt: string }) => ({
    GSI1PK: 'ALERTS',
    GSI1SK: `${a.divisionCode}#${a.openedAt}#${a.id}`,
    GSI2PK: `ALERTS#${a.status}`,
    GSI2SK: `${a.divisionCode}#${a.openedAt}#${a.id}`,
  }),
  alertsPartition: 'ALERTS',
  /** A regulator's background CSV export (POST /v1/oversight/exports): read by id only. */
  oversightExport: (exportId: string): Key => ({ PK: `EXPORT#${exportId}`, SK: 'EXPORT' }),
  alertsByStatusPartition: (status: string) => `ALERTS#${status}`,

  /** Incidents (rule 28): GSI1 all by the division where they happened; GSI2 by status and division. A manifest names
   *  its incidents itself (`incidents`), so a manifest's list is a BatchGet. */
  incident: (incidentId: string): Key => ({ PK: `INCIDENT#${incidentId}`, SK: 'INCIDENT' }),
  incidentIndexes: (i: { id: string; divisionCode: string; status: string; reportedAt: string }) => ({
    GSI1PK: 'INCIDENTS',
    GSI1SK: `${i.divisionCode}#${i.reportedAt}#${i.id}`,
    GSI2PK: `INCIDENTS#${i.status}`,
    GSI2SK: `${i.divisionCode}#${i.reportedAt}#${i.id}`,
  }),
  incidentsPartition: 'INCIDENTS',
  incidentsByStatusPartition: (status: string) => `INCIDENTS#${status}`,

  // --- statistics and declarations ---
  /** One counter per (year, division level, dimension, waste filter) partition and group × local month: a query reads one partition. */
  statsCounter: (c: {
    year: number;
    division: string;
    dimension: string;
    category: string;
    group: string;
    month: string;
  }): Key => ({
    PK: `STATS#${c.year}#${c.division}#${c.dimension}#${c.category}`,
    SK: c.dimension === 'month' ? c.month : `${c.group}#${c.month}`,
  }),
  statsPartition: (year: number, division: string, dimension: string, category: string) =>
    `STATS#${year}#${division}#${dimension}#${category}`,
  /** A party's flows per local month and waste code (its declarations read the months up to a period's end). */
  partyFlow: (partyId: string, month: string, wasteCode: string): Key => ({
    PK: `FLOWS#${partyId}`,
    SK: `${month}#${wasteCode}`,
  }),
  flowPartition: (partyId: string) => `FLOWS#${partyId}`,
  /** Submitted declarations: one item per version, written once. */
  declaration: (partyId: string, period: string, version: number): Key => ({
    PK: `PARTY#${partyId}`,
    SK: `DECLARATION#${period}#${pad(version, 4)}`,
  }),
  declarationPrefix: (period: string) => `DECLARATION#${period}#`,

  // --- webhooks: subscriptions and their delivery outbox (functions/webhooks) ---
  webhook: (partyId: string, webhookId: string): Key => ({ PK: `PARTY#${partyId}`, SK: `WEBHOOK#${webhookId}` }),
  webhookPrefix: 'WEBHOOK#',
  delivery: (webhookId: string, deliveryId: string): Key => ({
    PK: `WEBHOOK#${webhookId}`,
    SK: `DELIVERY#${deliveryId}`,
  }),
  deliveryPartition: (webhookId: string) => `WEBHOOK#${webhookId}`,
  deliveryPrefix: 'DELIVERY#',
  /** GSI1: a subscription's deliveries for one manifest in event order (deliveries go out in that order). */
  deliveryOrderIndex: (webhookId: string, manifestId: string, seq: number) => ({
    GSI1PK: `WHORDER#${webhookId}#${manifestId}`,
    GSI1SK: pad(seq, 6),
  }),
  deliveryOrderPartition: (webhookId: string, manifestId: string) => `WHORDER#${webhookId}#${manifestId}`,
  /** GSI3: pending deliveries by the time their next attempt is due (the retry sweep reads only what is due). */
  deliveryDueIndex: (dueAt: string, deliveryId: string) => ({ GSI3PK: 'WHDUE', GSI3SK: `${dueAt}#${deliveryId}` }),
  deliveryDuePartition: 'WHDUE',
  /** Marks a stream record as handled by one consumer, so at-least-once redelivery applies its effects once. */
  streamMark: (consumer: string, recordKey: string): Key => ({ PK: `STREAMMARK#${consumer}#${recordKey}`, SK: 'MARK' }),

  /** Party-level partition value for list queries on the main table. */
  partyPartition: (partyId: string) => `PARTY#${partyId}`,
  allPartiesPartition: 'PARTIES',
  partiesByStatusPartition: (status: string) => `PARTIES#${status}`,

  pad,
};

export const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'itemType',
  'expiresAt',
];

/** The entity stored in an item, without its keys and bookkeeping attributes. */
export function entityOf<T>(item: Record<string, unknown>): T {
  const entity: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(name)) entity[name] = value;
  return entity as T;
}
