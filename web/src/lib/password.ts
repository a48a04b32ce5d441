const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random temporary password without look-alike characters (0/O, 1/l/I), for dictating by phone. */
export function generatePassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 % 56 bias is negligible for a temporary password the user must change at first login.
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
