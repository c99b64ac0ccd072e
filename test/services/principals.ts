import type { Principal, RoleName } from '../../api/src/auth/roles';
import type { PrismaClient } from '../../api/src/db';
import { hashSecret } from '../../api/src/services/keys';

let counter = 0;

/** An API key row of the given role, as the principal a request with it would have. */
export async function principal(prisma: PrismaClient, role: RoleName): Promise<Principal> {
  const secret = `test-secret-${role}-${++counter}-${Math.random()}`;
  const key = await prisma.apiKey.create({
    data: { name: `test ${role} ${counter}`, role, prefix: 'test', secretHash: hashSecret(secret) },
  });
  return { keyId: key.id, role };
}
