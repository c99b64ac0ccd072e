export { openDatabase, type Database, type OpenDatabaseOptions } from './open';
export { MigrationError } from './migrate';
export { PrismaClient, Prisma, ApiKeyRole, type Db } from './client';
