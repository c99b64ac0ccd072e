import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';
import type { HistorySearchParams } from './filters';

/** A plain GET form: filtering works without client JavaScript and lands in the URL. */
export async function HistoryFilters({ params }: { params: HistorySearchParams }) {
  const { t } = await getI18n();
  return (
    <form method="get" action="/history" className="card row" style={{ alignItems: 'flex-end' }}>
      <label className="field">
        {t.history.from}
        <input type="date" name="from" defaultValue={params.from} />
      </label>
      <label className="field">
        {t.history.to}
        <input type="date" name="to" defaultValue={params.to} />
      </label>
      <label className="field">
        {t.history.label}
        <input
          type="text"
          name="label"
          defaultValue={params.label}
          placeholder={t.history.labelPlaceholder}
        />
      </label>
      <label className="field">
        {t.history.minScore}
        <input
          type="number"
          name="minScore"
          min={0}
          max={1}
          step={0.05}
          defaultValue={params.minScore}
          style={{ width: 90 }}
        />
      </label>
      <label className="field">
        {t.history.model}
        <input type="text" name="model" defaultValue={params.model} />
      </label>
      <button type="submit" className="button primary">
        {t.history.apply}
      </button>
      <Link href="/history" className="button">
        {t.history.reset}
      </Link>
    </form>
  );
}
