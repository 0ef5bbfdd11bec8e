import { createFieldCipher } from '../../src/server/platform/crypto/fieldCipher.ts';

/** A fixed key so tests that restart an app on the same database can still decrypt. */
export const testCipher = createFieldCipher(Buffer.alloc(32, 7));
