import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no types; only its constructor, run and close are used.
import S3rver from 's3rver';
import type { FileStorageConfig } from '../../src/server/config.ts';

/** A real S3-protocol server on a free port, with one empty bucket. */
export async function startS3(bucket = 'tuoyu-files') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as AddressInfo;
  const config: Extract<FileStorageConfig, { kind: 's3' }> = {
    kind: 's3',
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    bucket,
    // s3rver's fixed development credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    config,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
