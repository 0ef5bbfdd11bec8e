import { createHash, createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/** The Ed25519 key that signs checkpoints; anyone holding `publicKeyPem` can check them, none can forge one. */
export type CheckpointKey = { keyId: string; privateKey: KeyObject; publicKeyPem: string };

export type Checkpoint = { treeSize: number; headHash: string; sealedAt: string; keyId: string; signature: string };

/** A stored `audit_checkpoints` row as the checkpoint it signed. */
export function checkpointOfRow(c: {
  tree_size: number;
  head_hash: string;
  sealed_at: Date | string;
  key_id: string;
  signature: string;
}): Checkpoint {
  return {
    treeSize: c.tree_size,
    headHash: c.head_hash,
    sealedAt: new Date(c.sealed_at).toISOString(),
    keyId: c.key_id,
    signature: c.signature,
  };
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), so the setting can be plain random bytes.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function checkpointKeyFromSeed(seed: Buffer): CheckpointKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    privateKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/**
 * AUDIT_SIGNING_KEY (base64 of a 32-byte seed), or a key file in DATA_DIR made once. Every server
 * process may become the sealer, so on PostgreSQL in production they must share the setting.
 */
export function loadCheckpointKey(config: Config): CheckpointKey {
  if (config.auditSigningKey) return checkpointKeyFromSeed(Buffer.from(config.auditSigningKey, 'base64'));
  if (config.env === 'production' && config.databaseUrl) {
    throw new Error('AUDIT_SIGNING_KEY is required in production with DATABASE_URL (base64 of 32 random bytes: `openssl rand -base64 32`)');
  }
  const file = path.join(config.dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return checkpointKeyFromSeed(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
}

function signedText(c: Omit<Checkpoint, 'signature' | 'keyId'>): Buffer {
  return Buffer.from(`tuoyu-audit-checkpoint:v1\n${c.treeSize}\n${c.headHash}\n${c.sealedAt}`);
}

export function signCheckpoint(key: CheckpointKey, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  return { ...c, keyId: key.keyId, signature: sign(null, signedText(c), key.privateKey).toString('base64') };
}

export function isCheckpointSigned(c: Checkpoint, publicKeys: Record<string, string>): boolean {
  const pem = publicKeys[c.keyId];
  if (!pem) return false;
  try {
    return verify(null, signedText(c), pem, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
