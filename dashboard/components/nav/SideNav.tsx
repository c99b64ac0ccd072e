'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from '@/lib/auth/actions';
import { pagesFor } from '@/lib/auth/roles';
import type { Role } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { LocaleSwitch } from './LocaleSwitch';
import styles from './nav.module.css';

export function SideNav({ viewer }: { viewer: { name: string; role: Role } }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const pages = pagesFor(viewer.role);
  // The most specific page containing the current path (/review/stats is under /review too).
  const currentPath = pages
    .map(({ path }) => path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav className={styles.nav} aria-label={t.app.subtitle}>
      <div className={styles.brand}>
        <span className={styles.logo}>{t.app.name}</span>
        <span className={styles.subtitle}>{t.app.subtitle}</span>
      </div>
      <ul className={styles.links}>
        {pages.map(({ page, path }) => {
          const current = path === currentPath;
          return (
            <li key={page}>
              <Link
                href={path}
                className={current ? styles.current : undefined}
                aria-current={current ? 'page' : undefined}
              >
                {t.nav[page]}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className={styles.footer}>
        <div>
          <div className={styles.viewer}>{viewer.name}</div>
          <div className={styles.subtitle}>{t.roles[viewer.role]}</div>
        </div>
        <div className="row">
          <LocaleSwitch />
          <form action={signOut}>
            <button type="submit" className="button small">
              {t.nav.signOut}
            </button>
          </form>
        </div>
      </div>
    </nav>
  );
}
