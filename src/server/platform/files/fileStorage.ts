import path from 'node:path';
import type { Config } from '../../config.ts';
import { s3Storage } from './s3Storage.ts';
import { type FileStorage, localDiskStorage } from './storage.ts';

/** The store the configuration names: DATA_DIR/files, or the S3-compatible bucket. */
export function fileStorage(config: Config): FileStorage {
  return config.fileStorage.kind === 's3' ? s3Storage(config.fileStorage) : localDiskStorage(path.join(config.dataDir, 'files'));
}
