/**
 * Server side of RTSP authentication for simulated cameras: Basic (RFC 7617) and Digest MD5
 * (RFC 2617, with or without qop=auth), as most cameras offer. Nonces are stateless — a
 * timestamp signed with a per-server secret — so no per-client memory grows. Pure apart from
 * hashing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthScheme } from './faults.ts';

/** What a protected stream requires. */
export interface AuthRequirement {
  readonly scheme: AuthScheme;
  readonly username: string;
  readonly password: string;
  readonly realm: string;
}

/** Outcome of checking a request's Authorization header. */
export type AuthCheck = 'ok' | 'missing' | 'wrong' | 'stale';

/** Nonces older than this are answered with `stale=true`. */
const NONCE_LIFETIME_MS = 5 * 60 * 1000;

function sign(secret: Uint8Array, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex').slice(0, 24);
}

/** A nonce for `now` (ms). */
export function makeNonce(secret: Uint8Array, now: number): string {
  const t = Math.floor(now).toString(16);
  return `${t}${sign(secret, t)}`;
}

function nonceAge(secret: Uint8Array, nonce: string, now: number): number | null {
  if (!/^[0-9a-f]{1,13}[0-9a-f]{24}$/.test(nonce)) return null;
  const t = nonce.slice(0, -24);
  const mac = nonce.slice(-24);
  if (!safeEqual(mac, sign(secret, t))) return null;
  return now - parseInt(t, 16);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** WWW-Authenticate values for a 401 (Digest first: clients pick the strongest anyway). */
export function challenges(req: AuthRequirement, secret: Uint8Array, now: number, stale = false): string[] {
  const out: string[] = [];
  if (req.scheme !== 'basic') out.push(`Digest realm="${req.realm}", nonce="${makeNonce(secret, now)}"${stale ? ', stale=TRUE' : ''}`);
  if (req.scheme !== 'digest') out.push(`Basic realm="${req.realm}"`);
  return out;
}

/** Splits `key=value, key="quoted, value"` auth parameters; keys lower-cased. */
export function parseAuthParams(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(text)) !== null && count++ < 32) {
    out.set((m[1] as string).toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return out;
}

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/** Checks an Authorization header value against the requirement for a request `method`. */
export function checkAuthorization(req: AuthRequirement, header: string | undefined, method: string, secret: Uint8Array, now: number): AuthCheck {
  if (header === undefined || header.trim() === '') return 'missing';
  const sp = header.trim().indexOf(' ');
  const scheme = (sp < 0 ? header.trim() : header.trim().slice(0, sp)).toLowerCase();
  const rest = sp < 0 ? '' : header.trim().slice(sp + 1);
  if (scheme === 'basic' && req.scheme !== 'digest') {
    const decoded = Buffer.from(rest.trim(), 'base64').toString('utf8');
    return safeEqual(decoded, `${req.username}:${req.password}`) ? 'ok' : 'wrong';
  }
  if (scheme !== 'digest' || req.scheme === 'basic') return 'wrong';
  const p = parseAuthParams(rest);
  const nonce = p.get('nonce') ?? '';
  const uri = p.get('uri');
  const response = (p.get('response') ?? '').toLowerCase();
  const algorithm = (p.get('algorithm') ?? 'MD5').toUpperCase();
  if (p.get('username') !== req.username || p.get('realm') !== req.realm || uri === undefined || algorithm !== 'MD5') return 'wrong';
  const age = nonceAge(secret, nonce, now);
  if (age === null || age < -60_000) return 'wrong';
  const ha1 = md5(`${req.username}:${req.realm}:${req.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = p.get('qop');
  let expected: string;
  if (qop === undefined) expected = md5(`${ha1}:${nonce}:${ha2}`);
  else if (qop.toLowerCase() === 'auth') expected = md5(`${ha1}:${nonce}:${p.get('nc') ?? ''}:${p.get('cnonce') ?? ''}:auth:${ha2}`);
  else return 'wrong';
  if (!safeEqual(response, expected)) return 'wrong';
  return age > NONCE_LIFETIME_MS ? 'stale' : 'ok';
}
