import { hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';

// Algorithm.Argon2id: the package declares its enum as `const enum`, which isolated modules cannot read.
const ARGON2ID = 2;

/**
 * argon2id cost. The defaults are OWASP's recommendation (19 MiB, 2 passes,
 * 1 lane); tests pass a far cheaper cost explicitly to stay fast, and nothing
 * lowers it by default.
 */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2 };

/**
 * At most this many argon2 computations run at once, leaving a core to the
 * event loop and the database: a burst of sign-ins (or an attacker sending
 * many) then queues its own hashes instead of slowing every other request.
 * A local limit on CPU use, like a connection pool; it holds no state that
 * another instance would need.
 */
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let busy = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= HASH_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The slot passes straight to the next in line; otherwise it is freed.
    if (next) next();
    else busy -= 1;
  }
}

/** Hashes a password with argon2id and a random salt (PHC string). */
export function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  return inHashSlot(() => hash(password, { algorithm: ARGON2ID, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 }));
}

/** Checks a password against its stored hash; a malformed hash is a mismatch, not a crash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await inHashSlot(() => verify(stored, password));
  } catch {
    return false;
  }
}

// Verified when the account does not exist, so a wrong email takes as long as a wrong password.
const decoys = new Map<string, Promise<string>>();

/** A hash of nothing in particular, at the given cost, made once per cost. */
export function decoyHash(cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const key = `${cost.memoryCost}:${cost.timeCost}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = hashPassword('decoy password that matches nothing', cost);
    decoys.set(key, decoy);
  }
  return decoy;
}
