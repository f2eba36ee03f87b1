// Where finished exports are kept and how a download URL is made: S3 and a pre-signed URL in AWS
// (s3-storage.ts), a file and a signed local-server route locally (local/export-files.ts). Chosen once per process.
export interface ExportStorage {
  put(exportId: string, csv: string): Promise<void>;
  /** A download URL valid for 15 minutes from now; `origin` is the API's own (the local server's routes). */
  url(exportId: string, origin: string): Promise<string>;
}

export const DOWNLOAD_URL_SECONDS = 15 * 60;

let storage: ExportStorage | undefined;

export function setExportStorage(s: ExportStorage | undefined): void {
  storage = s;
}

/** The storage in use; in a Lambda, the S3 bucket its environment names (EXPORT_BUCKET), loaded on first use. */
export async function exportStorage(): Promise<ExportStorage> {
  if (storage) return storage;
  const bucket = process.env.EXPORT_BUCKET;
  if (!bucket) throw new Error('No export storage: set EXPORT_BUCKET (AWS) or setExportStorage (local server)');
  const { s3ExportStorage } = await import('#shared/exports/s3-storage.ts');
  storage = s3ExportStorage(bucket);
  return storage;
}
