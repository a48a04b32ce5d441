/**
 * The installation's Ed25519 key that signs evidence export manifests. Created on first use; the
 * private half is sealed with the installation secret (SecretBox), the public half is published
 * (`GET /api/exports/public-key`) so a court or the police can check a fingerprint.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { RecordingsRepository } from './recordings.repository.ts';

const PURPOSE = 'export-manifest';

export interface SigningKey {
  publicKeyPem: string;
  /** SHA-256 of the DER public key, hex, grouped for reading aloud. */
  fingerprint: string;
  sign(data: Uint8Array): Buffer;
}

/** Fingerprint of a PEM public key. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/.{4}/g)!.join(':');
}

/** Verifies an Ed25519 signature over `data` with a PEM public key. */
export function verifySignature(publicKeyPem: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

export class ExportSigner {
  private readonly repo = new RecordingsRepository();
  private key: Promise<SigningKey> | null = null;
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  get(): Promise<SigningKey> {
    this.key ??= this.load().catch((err) => {
      this.key = null;
      throw err;
    });
    return this.key;
  }

  private async load(): Promise<SigningKey> {
    let row = await this.repo.signingKey(this.db, PURPOSE);
    if (!row) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      // two API processes may race here: the first insert wins and both use it
      await this.repo.insertSigningKey(this.db, { purpose: PURPOSE, publicKey: pub, privateKeyEnc: this.secrets.seal(priv) });
      row = await this.repo.signingKey(this.db, PURPOSE);
      if (!row) throw new Error('signing key not stored');
    }
    const privateKey: KeyObject = createPrivateKey(this.secrets.open(row.private_key_enc));
    return { publicKeyPem: row.public_key, fingerprint: keyFingerprint(row.public_key), sign: (data) => sign(null, data, privateKey) };
  }
}
