import type { Config } from '../config';
import type { Database } from '../db';
import { FileSystemImageStore, type ImageStore } from './image-store';
import { PostgresImageStore } from './postgres-image-store';

export { FileSystemImageStore, type ImageStore, type ImageStoreOptions } from './image-store';
export { PostgresImageStore } from './postgres-image-store';

/** PostgreSQL may have replicas, which must all read every photo: it keeps them; PGlite (one process) on disk. */
export function openImageStore(options: Config['imageStore'], db: Database): Promise<ImageStore> {
  return db.kind === 'postgres'
    ? Promise.resolve(new PostgresImageStore(db.prisma, options))
    : FileSystemImageStore.open(options);
}
