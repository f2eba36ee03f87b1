// aws-cdk-lib's classes expose optional attributes as getters typed `T | undefined` where their interfaces declare
// `readonly k?: T`; under exactOptionalPropertyTypes a Table or a Bucket is then not assignable to its own interface.
// These are the only casts that bridge it, each from the class to the interface it implements.
import type { aws_dynamodb as dynamodb, aws_s3 as s3 } from 'aws-cdk-lib';

export const asITable = (table: dynamodb.Table): dynamodb.ITable => table as dynamodb.ITable;
export const asIBucket = (bucket: s3.Bucket): s3.IBucket => bucket as s3.IBucket;
