// Webhook rules that need no I/O: which URLs may receive deliveries, which events a subscription wants,
// the retry schedule, and the signature header.
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { EVENT_TYPES } from '#shared/domain/hash-chain.ts';

export const WEBHOOK_EVENT_NAMES = ['manifest.*', ...EVENT_TYPES.map((t) => `manifest.${t}`)] as const;

/** Retries back off exponentially (30 s, 1 min, 2 min, … capped at 1 h) for up to 24 hours after the event. */
export const RETRY_WINDOW_MS = 24 * 3600_000;
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

export function wantsEvent(subscribed: readonly string[], eventType: string): boolean {
  return subscribed.includes('manifest.*') || subscribed.includes(`manifest.${eventType}`);
}

/** `X-WasteChain-Signature`: the HMAC covers the timestamp too, so a receiver that refuses old timestamps cannot
 *  be replayed a captured delivery (api.md, "Webhooks"). `timestamp`: unix seconds when sent. */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  if (b === undefined) throw new Error(`Invariant broken: ${address} is a dotted quad (callers check isIP)`);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Loopback, private, link-local and unique-local addresses, and names that only resolve inside a network. */
export function isLocalOrPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
    return true;
  if (isIP(host) === 4) return isPrivateIPv4(host);
  if (isIP(host) === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    if (mapped) return isPrivateIPv4(mapped);
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}

/** In AWS only public https targets; the local server also allows http to localhost (for a receiver on this machine). */
export function webhookUrlProblem(raw: string, allowLocalHttp: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (allowLocalHttp && local && (url.protocol === 'http:' || url.protocol === 'https:')) return undefined;
  if (url.protocol !== 'https:') return 'must use https';
  if (isLocalOrPrivateHost(url.hostname)) return 'must not point at a local or private address';
  return undefined;
}
