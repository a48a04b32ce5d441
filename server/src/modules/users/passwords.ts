import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. `2` is Algorithm.Argon2id (a const enum
// that isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Verifying against a throwaway hash keeps "no such user" as slow as "wrong password". */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('pantau-dummy-password');
  await verifyPassword(await dummy, password);
}
