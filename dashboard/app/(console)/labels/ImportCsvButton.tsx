'use client';
// Import compares the CSV with the labels on screen and writes only the labels that differ to the draft.
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { request } from '@/lib/graphql/client';
import { UPDATE_LABEL } from '@/lib/graphql/documents/labels';
import { toFailure, type RequestFailure } from '@/lib/graphql/errors';
import type { LabelFragment } from '@/lib/graphql/generated/graphql';
import type { LabelEdit } from '@/lib/labels/edit';
import { useI18n } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/zh-CN';
import { labelsFromCsv, type CsvProblem } from '@/lib/labels/csv';
import { changedFields, editOf, type LabelDelta } from '@/lib/labels/edit';
import { LabelDiff } from './LabelDiff';

interface ImportPlan {
  deltas: LabelDelta[];
  unknownKeys: string[];
  problems: CsvProblem[];
}

function planImport(csv: string, current: LabelFragment[]): ImportPlan {
  const { labels, problems } = labelsFromCsv(csv);
  const byKey = new Map(current.map((label) => [label.key, editOf(label)]));
  const deltas: LabelDelta[] = [];
  const unknownKeys: string[] = [];
  for (const imported of labels) {
    const before = byKey.get(imported.key);
    if (!before) unknownKeys.push(imported.key);
    else if (changedFields(before, imported).length)
      deltas.push({ key: imported.key, change: 'CHANGED', before, after: imported });
  }
  return { deltas, unknownKeys, problems };
}

function describe(problem: CsvProblem, t: Messages): string {
  const text = t.labels.csvProblems[problem.kind];
  return `${t.labels.csvLine(problem.line)}：${typeof text === 'function' ? text(problem.detail ?? '') : text}`;
}

export function ImportCsvButton({ labelSet, labels }: { labelSet: string; labels: LabelFragment[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [doneCount, setDoneCount] = useState<number | null>(null);

  async function read(file: File | undefined) {
    if (!file) return;
    setFailure(null);
    setDoneCount(null);
    setPlan(planImport(await file.text(), labels));
  }

  /** One label at a time: the API edits one label per call, and stopping at the first failure is clearer. */
  async function apply(edits: LabelEdit[]) {
    setProgress(0);
    try {
      for (const [index, edit] of edits.entries()) {
        await request(UPDATE_LABEL, { input: { ...edit, labelSet } });
        setProgress(index + 1);
      }
      setPlan(null);
      setDoneCount(edits.length);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setProgress(null);
      router.refresh();
    }
  }

  const applicable = plan && plan.problems.length === 0 && plan.deltas.length > 0;
  return (
    <>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        {t.labels.importCsv}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        aria-label={t.labels.importCsv}
        onChange={(event) => {
          void read(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {doneCount !== null && (
        <span className="notice success" role="status">
          {t.labels.importDone(doneCount)}
        </span>
      )}
      <ConfirmDialog
        open={plan !== null}
        title={t.labels.importTitle}
        confirmLabel={applicable ? t.labels.importApply : undefined}
        pending={progress !== null}
        onConfirm={() => plan && apply(plan.deltas.map((delta) => delta.after!))}
        onClose={() => setPlan(null)}
      >
        {plan && plan.problems.length > 0 ? (
          <>
            <p>{t.labels.importProblems}</p>
            <ul>
              {plan.problems.map((problem, index) => (
                <li key={index}>{describe(problem, t)}</li>
              ))}
            </ul>
          </>
        ) : plan?.deltas.length ? (
          <>
            <p>{t.labels.importSummary(plan.deltas.length)}</p>
            <LabelDiff deltas={plan.deltas} />
          </>
        ) : (
          <p>{t.labels.importNothing}</p>
        )}
        {plan && plan.unknownKeys.length > 0 && (
          <p className="muted">{t.labels.importUnknownKeys(plan.unknownKeys.join(', '))}</p>
        )}
        {progress !== null && plan && (
          <p role="status">{t.labels.importProgress(progress, plan.deltas.length)}</p>
        )}
        {failure && <ErrorNotice failure={failure} />}
      </ConfirmDialog>
    </>
  );
}
