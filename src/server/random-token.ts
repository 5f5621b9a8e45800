import { createHash, randomBytes } from 'node:crypto';

// RFC 4648 base32 without padding, lower-case: no 0/1/8/9, so no O/0 or I/1 mix-ups when read aloud.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new random row id with a readable prefix (`u_`, `at_`...): 96 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${base32(randomBytes(12))}`;
}

/** A session token: 256 random bits, sent only in the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A certificate's verification id: 128 random bits, 26 characters, unguessable. */
export function newCertificateId(): string {
  return base32(randomBytes(16));
}

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An invite code a person can type: 12 characters (60 random bits) in three groups, `K7QD-3M9X-PW2A`. */
export function newInviteCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += INVITE_ALPHABET[bytes[i]! & 31];
    if (i === 3 || i === 7) code += '-';
  }
  return code;
}

/** An invite code as typed (any case, spaces or dashes anywhere) in its stored form. */
export function normalizeInviteCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}
