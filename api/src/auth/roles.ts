// Roles are ordered: each one can do what the roles before it can, so one comparison answers every check.
export const ROLES = ['app', 'reviewer', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

export interface Principal {
  keyId: string;
  role: RoleName;
}

/** app keys may detect and read their own history; reviewers read all history; admins do everything. */
export function roleAllows(actual: RoleName, required: RoleName): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export function parseBearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
