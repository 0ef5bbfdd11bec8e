import { createFieldCipher } from '../../src/server/db/fieldCipher.ts';

/** The fixed test key as FIELD_ENCRYPTION_KEY takes it, so spawned servers share it too. */
export const TEST_FIELD_KEY = Buffer.alloc(32, 7).toString('base64');

/** A fixed key so tests that restart an app on the same database can still decrypt. */
export const testCipher = createFieldCipher(Buffer.from(TEST_FIELD_KEY, 'base64'));

/** The fixed audit signing seed as AUDIT_SIGNING_KEY takes it, so no test writes a key file. */
export const TEST_AUDIT_SIGNING_KEY = Buffer.alloc(32, 9).toString('base64');
