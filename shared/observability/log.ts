// Structured logs: one JSON object a line, with the request id and the acting party, so CloudWatch Logs Insights can
// filter by either. Written straight to stdout (as Powertools' Logger does), so Lambda's JSON log format passes the
// line on as it is rather than wrapping it. A small module instead of Powertools keeps the documents bundle in budget.
import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '#shared/config.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** What every line of one request or invocation carries. */
export interface LogContext {
  requestId?: string | undefined;
  /** The user acting (`sub`) and their groups, once authenticated. */
  actor?: string;
  groups?: string[];
  /** The party acted for, when the route names one. */
  partyId?: string;
  route?: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with these fields on every line it logs (also after awaits). */
export const withLogContext = <T>(fields: LogContext, fn: () => T): T => context.run({ ...fields }, fn);

/** Adds fields to the current request's context (the actor, once authentication has run). */
export function addLogContext(fields: LogContext): void {
  const current = context.getStore();
  if (current) Object.assign(current, fields);
}

export type Sink = (line: string) => void;
const stdout: Sink = (line) => process.stdout.write(`${line}\n`);
let sink: Sink | undefined;

/** Tests capture lines here; undefined restores the default. */
export function setLogSink(s: Sink | undefined): void {
  sink = s;
}

/** In Lambda every level from LOG_LEVEL (default info) is written; elsewhere (local server, tests) warn and up, so a
 *  test run is not flooded with access lines. A test's sink sees every level. */
function threshold(): number {
  const configured = config.logLevel as Level | undefined;
  if (configured && configured in RANK) return RANK[configured];
  return config.lambdaFunctionName || sink ? RANK.info : RANK.warn;
}

const service = () => config.serviceName;

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] < threshold()) return;
  const { error, ...rest } = fields;
  const line = {
    timestamp: new Date().toISOString(),
    level: level.toUpperCase(),
    message,
    service: service(),
    ...context.getStore(),
    ...rest,
    ...(error !== undefined ? { error: errorFields(error) } : {}),
  };
  (sink ?? stdout)(JSON.stringify(line));
}

/** Writes a line as it is (the EMF metrics), through the same sink. */
export const writeRaw = (line: string): void => (sink ?? stdout)(line);

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => log('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => log('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => log('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => log('error', message, fields),
};
