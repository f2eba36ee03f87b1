// Exports in S3: one object per export under `exports/`, fetched through a pre-signed GET made fresh at each
// request of the export (valid 15 minutes). The bucket's lifecycle rule removes old objects (infra).
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOWNLOAD_URL_SECONDS, type ExportStorage } from '#shared/exports/storage.ts';

export function s3ExportStorage(bucket: string, client = new S3Client({})): ExportStorage {
  const key = (id: string) => `exports/${id}.csv`;
  return {
    async put(id, csv) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key(id),
          Body: csv,
          ContentType: 'text/csv; charset=utf-8',
          ContentDisposition: `attachment; filename="export-${id}.csv"`,
        }),
      );
    },
    url: (id) =>
      getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key(id) }), { expiresIn: DOWNLOAD_URL_SECONDS }),
  };
}
