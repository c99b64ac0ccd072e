import { LocaleSwitch } from '@/components/nav/LocaleSwitch';
import { getI18n } from '@/lib/i18n/server';
import { SignInForm } from './SignInForm';
import styles from './sign-in.module.css';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  const { t } = await getI18n();
  const { expired } = await searchParams;
  return (
    <main className={styles.page}>
      <section className={`card ${styles.panel}`}>
        <header className={styles.header}>
          <div>
            <div className={styles.brand}>{t.app.name}</div>
            <div className="muted">{t.app.subtitle}</div>
          </div>
          <LocaleSwitch />
        </header>
        <h1>{t.signIn.title}</h1>
        <p className="muted">{t.signIn.subtitle}</p>
        {expired && <p className="notice info">{t.signIn.expired}</p>}
        <SignInForm />
      </section>
    </main>
  );
}
