// Deployment settings, read from the environment when first needed (tests set them before the first call).
export const config = {
  get tableName() {
    return process.env.TABLE_NAME ?? 'wastechain';
  },
  get dynamoEndpoint() {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get region() {
    return process.env.AWS_REGION ?? 'cn-north-1';
  },
  get timeZone() {
    return process.env.TIME_ZONE ?? 'Asia/Shanghai';
  },
  get version() {
    return process.env.APP_VERSION ?? '0.1.0';
  },
  get bodyLimitBytes() {
    return Number(process.env.BODY_LIMIT_BYTES ?? 256 * 1024);
  },
};
