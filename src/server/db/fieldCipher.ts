import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts sensitive fields (resident ID numbers) at rest with AES-256-GCM, and gives a keyed
 * hash ("blind index") so equal values can be found without decrypting. PIPL treats minors'
 * identity numbers as sensitive personal information.
 */
export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(plain: string): string;
};

const VERSION = 'v1';

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('The field encryption key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'tuoyu field encryption', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'tuoyu blind index', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(':');
      if (version !== VERSION || !payload) throw new Error('Unknown field encryption format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('hex');
    },
  };
}
