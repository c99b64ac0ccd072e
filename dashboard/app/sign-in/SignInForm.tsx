'use client';
import { useActionState } from 'react';
import { signIn, type SignInState } from '@/lib/auth/actions';
import { useI18n } from '@/lib/i18n/client';

const INITIAL: SignInState = { problem: null };

export function SignInForm() {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(signIn, INITIAL);
  return (
    <form action={formAction} className="stack">
      <label className="field">
        {t.signIn.keyLabel}
        <input type="password" name="apiKey" autoComplete="off" spellCheck={false} required autoFocus />
      </label>
      {state.problem && (
        <p className="notice error" role="alert">
          {t.signIn.problems[state.problem]}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t.signIn.submitting : t.signIn.submit}
      </button>
      <p className="muted">{t.signIn.keyNote}</p>
    </form>
  );
}
