/**
 * RTSP authentication: Basic (RFC 7617) and Digest (RFC 2617 / RFC 7616: MD5, MD5-sess,
 * SHA-256, SHA-256-sess; qop=auth or no qop) from WWW-Authenticate challenges.
 * Pure: the client-nonce is an argument so results are reproducible.
 */
import { createHash } from 'node:crypto';

/** Digest hash algorithms supported. */
export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

/** A challenge the client can answer. */
export type AuthChallenge =
  | { readonly scheme: 'basic'; readonly realm: string }
  | {
      readonly scheme: 'digest';
      readonly realm: string;
      readonly nonce: string;
      readonly opaque: string | null;
      readonly algorithm: DigestAlgorithm;
      /** Whether the server named the algorithm (echoed back only then; some cameras choke on it). */
      readonly algorithmGiven: boolean;
      readonly qop: 'auth' | null;
      readonly stale: boolean;
    };

interface RawChallenge {
  scheme: string;
  params: Map<string, string>;
}

/** Splits header values into challenges: `Digest realm="a", nonce="b", Basic realm="c"`. */
function tokenize(value: string): RawChallenge[] {
  const out: RawChallenge[] = [];
  let i = 0;
  const n = value.length;
  const isTokenChar = (c: string): boolean => !/[\s,="]/.test(c);
  while (i < n) {
    while (i < n && /[\s,]/.test(value[i] as string)) i++;
    const start = i;
    while (i < n && isTokenChar(value[i] as string)) i++;
    const token = value.slice(start, i);
    if (token === '') {
      i++; // a stray quote or '=': skip it
      continue;
    }
    let j = i;
    while (j < n && /\s/.test(value[j] as string)) j++;
    if (value[j] !== '=') {
      out.push({ scheme: token.toLowerCase(), params: new Map() });
      continue;
    }
    i = j + 1;
    while (i < n && /\s/.test(value[i] as string)) i++;
    let val = '';
    if (value[i] === '"') {
      i++;
      while (i < n && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < n) i++;
        val += value[i];
        i++;
      }
      i++;
    } else {
      const s = i;
      while (i < n && !/[\s,]/.test(value[i] as string)) i++;
      val = value.slice(s, i);
    }
    out[out.length - 1]?.params.set(token.toLowerCase(), val);
  }
  return out;
}

const ALGORITHMS: Record<string, DigestAlgorithm> = { 'md5': 'MD5', 'md5-sess': 'MD5-sess', 'sha-256': 'SHA-256', 'sha-256-sess': 'SHA-256-sess' };

/**
 * Parses WWW-Authenticate header values into challenges the client supports, in order.
 * Unsupported ones (unknown scheme or algorithm, qop=auth-int only, no nonce) are left out.
 */
export function parseWwwAuthenticate(values: readonly string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const raw of values.flatMap(tokenize)) {
    const realm = raw.params.get('realm') ?? '';
    if (raw.scheme === 'basic') {
      out.push({ scheme: 'basic', realm });
      continue;
    }
    if (raw.scheme !== 'digest') continue;
    const nonce = raw.params.get('nonce');
    const algName = raw.params.get('algorithm');
    const algorithm = ALGORITHMS[(algName ?? 'MD5').toLowerCase()];
    const qopList = raw.params.get('qop');
    const qops = qopList === undefined ? null : qopList.split(',').map((q) => q.trim().toLowerCase());
    if (nonce === undefined || algorithm === undefined || (qops !== null && !qops.includes('auth'))) continue;
    out.push({
      scheme: 'digest',
      realm,
      nonce,
      opaque: raw.params.get('opaque') ?? null,
      algorithm,
      algorithmGiven: algName !== undefined,
      qop: qops === null ? null : 'auth',
      stale: (raw.params.get('stale') ?? '').toLowerCase() === 'true',
    });
  }
  return out;
}

/** Picks the strongest challenge: SHA-256 Digest, then MD5 Digest, then Basic. */
export function chooseChallenge(challenges: readonly AuthChallenge[]): AuthChallenge | null {
  const rank = (c: AuthChallenge): number => (c.scheme === 'basic' ? 0 : c.algorithm.startsWith('SHA') ? 2 : 1);
  let best: AuthChallenge | null = null;
  for (const c of challenges) if (best === null || rank(c) > rank(best)) best = c;
  return best;
}

/** What an Authorization header needs besides the challenge. */
export interface AuthorizationInput {
  readonly username: string;
  readonly password: string;
  readonly method: string;
  /** Request URI exactly as in the request line. */
  readonly uri: string;
  /** Client nonce (qop=auth and -sess only); random hex in production. */
  readonly cnonce: string;
  /** How many requests used this nonce, starting at 1. */
  readonly nonceCount: number;
}

function hash(alg: DigestAlgorithm, s: string): string {
  return createHash(alg.startsWith('SHA') ? 'sha256' : 'md5').update(s, 'utf8').digest('hex');
}

const quote = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** Builds the Authorization header value answering a challenge. */
export function authorizationHeader(ch: AuthChallenge, input: AuthorizationInput): string {
  if (ch.scheme === 'basic') {
    return `Basic ${Buffer.from(`${input.username}:${input.password}`, 'utf8').toString('base64')}`;
  }
  const alg = ch.algorithm;
  let ha1 = hash(alg, `${input.username}:${ch.realm}:${input.password}`);
  if (alg.endsWith('-sess')) ha1 = hash(alg, `${ha1}:${ch.nonce}:${input.cnonce}`);
  const ha2 = hash(alg, `${input.method}:${input.uri}`);
  const nc = (input.nonceCount >>> 0).toString(16).padStart(8, '0');
  const response =
    ch.qop === null ? hash(alg, `${ha1}:${ch.nonce}:${ha2}`) : hash(alg, `${ha1}:${ch.nonce}:${nc}:${input.cnonce}:auth:${ha2}`);
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(ch.realm)}`,
    `nonce=${quote(ch.nonce)}`,
    `uri=${quote(input.uri)}`,
    `response=${quote(response)}`,
  ];
  if (ch.algorithmGiven) parts.push(`algorithm=${alg}`);
  if (ch.opaque !== null) parts.push(`opaque=${quote(ch.opaque)}`);
  if (ch.qop !== null) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quote(input.cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}
