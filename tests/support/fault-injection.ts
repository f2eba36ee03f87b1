// DynamoDB failures on demand: a document client (installed with setDocumentClient) whose middleware throws the
// errors the SDK raises in production, for the commands chosen, before anything is sent. Errors are injected at
// the `initialize` step, ahead of the SDK's own retries, so each armed call fails exactly once per request sent.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { createDynamoClient, setDocumentClient } from '#shared/store/client.ts';

type Input = Record<string, unknown> & { TransactItems?: unknown[] };

export interface Fault {
  name: string;
  /** The error the SDK would throw for this command input. */
  error(input: Input): Error;
  /** What the API must answer. */
  expect: { status: 503 | 409; codes: readonly string[] };
  /** Only commands whose name matches (TransactWriteItemsCommand, GetItemCommand, …); all when absent. */
  commands?: RegExp;
}

const awsError = (name: string, httpStatusCode: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} (injected)`), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    ...extra,
  });

/** One CancellationReason per transaction item, as DynamoDB reports them: the first item failed with `code`. */
const cancelled = (code: string) => (input: Input) =>
  awsError('TransactionCanceledException', 400, {
    CancellationReasons: (input.TransactItems ?? [{}]).map((_, i) => ({ Code: i === 0 ? code : 'None' })),
  });

const UNAVAILABLE = { status: 503, codes: ['STORE_UNAVAILABLE'] } as const;
const CONFLICT = { status: 409, codes: ['VERSION_CONFLICT', 'INVALID_STATE', 'PARTY_EXISTS'] } as const;
const WRITES = /TransactWrite|PutItem|UpdateItem|DeleteItem/;

export const FAULTS: Fault[] = [
  { name: 'ThrottlingException', error: () => awsError('ThrottlingException', 400), expect: UNAVAILABLE },
  {
    name: 'ProvisionedThroughputExceededException',
    error: () => awsError('ProvisionedThroughputExceededException', 400),
    expect: UNAVAILABLE,
  },
  { name: 'RequestLimitExceeded', error: () => awsError('RequestLimitExceeded', 400), expect: UNAVAILABLE },
  { name: 'InternalServerError', error: () => awsError('InternalServerError', 500), expect: UNAVAILABLE },
  {
    name: 'TimeoutError',
    error: () => Object.assign(new Error('socket timed out (injected)'), { name: 'TimeoutError' }),
    expect: UNAVAILABLE,
  },
  {
    name: 'ECONNREFUSED',
    error: () =>
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000 (injected)'), {
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
      }),
    expect: UNAVAILABLE,
  },
  {
    name: 'TransactionCanceled (ThrottlingError)',
    error: cancelled('ThrottlingError'),
    expect: UNAVAILABLE,
    commands: /TransactWrite/,
  },
  {
    name: 'TransactionCanceled (ConditionalCheckFailed)',
    error: cancelled('ConditionalCheckFailed'),
    expect: CONFLICT,
    commands: /TransactWrite/,
  },
  {
    name: 'TransactionCanceled (TransactionConflict)',
    error: cancelled('TransactionConflict'),
    expect: CONFLICT,
    commands: /TransactWrite/,
  },
  {
    name: 'TransactionConflictException',
    error: () => awsError('TransactionConflictException', 400),
    expect: CONFLICT,
    commands: WRITES,
  },
  {
    name: 'ConditionalCheckFailedException',
    error: () => awsError('ConditionalCheckFailedException', 400),
    expect: CONFLICT,
    commands: WRITES,
  },
];

export interface FaultyStore {
  /** Makes matching commands fail (every time until disarmed, or `times` times). */
  arm(fault: Fault, options?: { commands?: RegExp | undefined; times?: number }): void;
  disarm(): void;
  /** Commands that failed since the last arm. */
  readonly injected: string[];
  /** Puts the API's own client back. */
  restore(): void;
}

/** The API's client but with timeouts a loaded CI machine cannot hit: for tests about conditions, not time. */
function patientClient(endpoint = config.dynamoEndpoint): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
}

/** Installs a client on `endpoint` (this file's DynamoDB Local by default) whose calls fail while armed; `patient`
 * keeps the API's settings but with long timeouts. */
export function installFaultyStore(endpoint?: string, options: { patient?: boolean } = {}): FaultyStore {
  const base = options.patient ? patientClient(endpoint) : createDynamoClient(endpoint);
  const client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  let armed: { fault: Fault; commands?: RegExp | undefined; left: number } | undefined;
  const injected: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const filter = armed?.commands ?? armed?.fault.commands;
      if (armed && armed.left > 0 && (!filter || filter.test(command))) {
        armed.left -= 1;
        injected.push(command);
        throw armed.fault.error(args.input as Input);
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectFault' },
  );
  setDocumentClient(client);
  return {
    arm(fault, options = {}) {
      injected.length = 0;
      armed = { fault, commands: options.commands, left: options.times ?? Infinity };
    },
    disarm() {
      armed = undefined;
    },
    injected,
    restore() {
      setDocumentClient(undefined);
      client.destroy();
    },
  };
}
