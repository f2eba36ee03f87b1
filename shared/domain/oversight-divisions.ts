// Which division partitions a manifest is listed under for regulators (domain.md rule 25): every level of the
// generator's and the receiver's division, so a cross-province manifest is seen by both provinces; and one of
// the nationwide shards, so a nationwide list is a merge of a few queries rather than one hot partition.
export const NATIONWIDE_SHARDS = 8;

export const nationwideShard = (manifestId: string): string =>
  `00-${parseInt(manifestId.slice(-2), 16) % NATIONWIDE_SHARDS}`;
export const nationwidePartitions = (): string[] => Array.from({ length: NATIONWIDE_SHARDS }, (_, i) => `00-${i}`);

export function divisionPartitions(manifestId: string, generatorDivision: string, receiverDivision: string): string[] {
  const levels = (code: string) => [code.slice(0, 2), code.slice(0, 4), code];
  return [...new Set([...levels(generatorDivision), ...levels(receiverDivision), nationwideShard(manifestId)])];
}

/** The partitions that answer a division query: the division itself, or the nationwide shards for '' (all). */
export const partitionsFor = (division: string): string[] => (division === '' ? nationwidePartitions() : [division]);
