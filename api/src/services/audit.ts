// The audit log: every admin change, written in the same transaction as the change itself.
import type { Principal } from '../auth/roles';
import { Prisma, type Db, type PrismaClient } from '../db/client';
import { requireRole } from './authorization';
import { afterCursor, pageSize, toConnection, type Connection, type PageArgs } from './pagination';

export interface AuditChange {
  /** e.g. `label.update`, `labelSet.publish`, `model.activate`, `apiKey.revoke` */
  action: string;
  /** e.g. `label:coco80/person` */
  entity: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntryView {
  id: string;
  actorKeyId: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface AuditFilter {
  entity?: string;
  actorKeyId?: string;
}

const asJson = (value: unknown) => (value === undefined ? undefined : (value as Prisma.InputJsonValue));

export async function recordAudit(db: Db, actor: Principal | null, change: AuditChange): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorKeyId: actor?.keyId ?? null,
      action: change.action,
      entity: change.entity,
      before: asJson(change.before),
      after: asJson(change.after),
    },
  });
}

export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(
    viewer: Principal | null,
    filter: AuditFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<AuditEntryView>> {
    requireRole(viewer, 'admin');
    const size = pageSize(page.first);
    const where: Prisma.AuditEntryWhereInput = { entity: filter.entity, actorKeyId: filter.actorKeyId };
    const [rows, totalCount] = await Promise.all([
      this.prisma.auditEntry.findMany({
        where: { AND: [where, afterCursor('at', page.after)] },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: size + 1,
      }),
      this.prisma.auditEntry.count({ where }),
    ]);
    return toConnection(
      rows,
      size,
      totalCount,
      (row) => ({ at: row.at, id: row.id }),
      (row) => row,
    );
  }
}
