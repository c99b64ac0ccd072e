// Which console pages each role sees. The single source for both the navigation and page access checks.
import type { Role } from '../graphql/generated/graphql';

export type ConsolePage =
  | 'overview'
  | 'try'
  | 'device'
  | 'labels'
  | 'models'
  | 'history'
  | 'review'
  | 'reviewStats'
  | 'reviewRules'
  | 'keys';

export const CONSOLE_PAGES: readonly { page: ConsolePage; path: string; roles: readonly Role[] }[] = [
  { page: 'overview', path: '/overview', roles: ['ADMIN'] },
  { page: 'try', path: '/try', roles: ['ADMIN'] },
  { page: 'device', path: '/device', roles: ['ADMIN'] },
  { page: 'labels', path: '/labels', roles: ['ADMIN'] },
  { page: 'models', path: '/models', roles: ['ADMIN'] },
  { page: 'history', path: '/history', roles: ['ADMIN', 'REVIEWER'] },
  { page: 'review', path: '/review', roles: ['ADMIN', 'REVIEWER'] },
  { page: 'reviewStats', path: '/review/stats', roles: ['ADMIN', 'REVIEWER'] },
  { page: 'reviewRules', path: '/review/rules', roles: ['ADMIN'] },
  { page: 'keys', path: '/keys', roles: ['ADMIN'] },
];

/** App keys call the API from programs; only people's keys open the console. */
export function canUseDashboard(role: Role): boolean {
  return role === 'ADMIN' || role === 'REVIEWER';
}

export function canSee(role: Role, page: ConsolePage): boolean {
  return CONSOLE_PAGES.some((entry) => entry.page === page && entry.roles.includes(role));
}

export function pagesFor(role: Role) {
  return CONSOLE_PAGES.filter((entry) => entry.roles.includes(role));
}

export function landingPath(role: Role): string {
  return pagesFor(role)[0]?.path ?? '/sign-in';
}
