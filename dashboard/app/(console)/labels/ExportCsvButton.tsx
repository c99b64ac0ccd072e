'use client';
import { labelsToCsv } from '@/lib/labels/csv';
import type { LabelFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';

export function ExportCsvButton({ labelSet, labels }: { labelSet: string; labels: LabelFragment[] }) {
  const { t } = useI18n();
  function download() {
    const url = URL.createObjectURL(new Blob([labelsToCsv(labels)], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${labelSet}.csv` });
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <button type="button" className="button" onClick={download}>
      {t.labels.exportCsv}
    </button>
  );
}
