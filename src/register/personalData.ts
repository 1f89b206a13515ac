// ID numbers are personal data. They are stored encrypted (AES-256-GCM, a fresh nonce each time)
// under the deployment's key, found again by a keyed hash (HMAC-SHA-256 under a key derived from
// the same one, so equal numbers match without decrypting), and shown masked unless a reader
// entitled to it asks to reveal one, which the routes audit.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalIdNumber } from '../core/idNumber.js';

export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** The lookup key of a value: equal values, equal hashes; the hash reveals nothing without the key. */
  hash(plain: string): string;
}

const keyBytes = 32;
const version = 'v1';

/** The cipher for a 32-byte key. */
export function personalDataCipher(key: Buffer): PersonalDataCipher {
  if (key.length !== keyBytes) throw new Error(`the personal-data key must be ${keyBytes} bytes, not ${key.length}`);
  const encryptionKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'register id-number encryption', keyBytes));
  const lookupKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'register id-number lookup', keyBytes));
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, nonce.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join(':');
    },
    decrypt(stored) {
      const [v, nonce, body, tag] = stored.split(':');
      if (v !== version || !nonce || body === undefined || !tag) throw new Error('not an encrypted value of this deployment');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(nonce, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    hash: (plain) => createHmac('sha256', lookupKey).update(normalIdNumber(plain)).digest('base64url'),
  };
}

/** An ID number as shown by default: its last four characters only. */
export function maskIdNumber(tail: string): string {
  return `${'*'.repeat(14)}${tail}`;
}

/** The last four characters kept in clear beside the cipher, for the masked display. */
export const idNumberTail = (idNumber: string): string => normalIdNumber(idNumber).slice(-4);

/**
 * The deployment's key: PERSONAL_DATA_KEY (base64 of 32 bytes) when set, which every process of a
 * cluster must share; otherwise the key file, created with a random key on first use (one machine).
 */
export function loadPersonalDataKey(options: { key?: string; keyFile: string }): Buffer {
  if (options.key !== undefined) return Buffer.from(options.key, 'base64');
  if (!existsSync(options.keyFile)) {
    mkdirSync(dirname(options.keyFile), { recursive: true });
    writeFileSync(options.keyFile, randomBytes(keyBytes).toString('base64'), { flag: 'wx', mode: 0o600 });
    chmodSync(options.keyFile, 0o600);
  }
  return Buffer.from(readFileSync(options.keyFile, 'utf8').trim(), 'base64');
}
