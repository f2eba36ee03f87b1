// The oversight lists a regulator can export as CSV (api.md, "Chains and oversight").
export const EXPORT_LISTS = ['manifests', 'alerts', 'stats', 'key-units', 'incidents'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
