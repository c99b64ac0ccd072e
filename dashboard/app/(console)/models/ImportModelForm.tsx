'use client';
// 导入模型: uploads an ONNX file through the dashboard's upload route (GraphQL multipart request), showing the
// upload's progress, then what the import decided (family and why, classes, label set, trial run) or why it
// refused the file.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/lib/i18n/client';
import styles from './models.module.css';

const IMPORT_MODEL = `mutation ImportModel($file: Upload!, $name: String!, $version: String, $names: [String!], $family: String) {
  importModel(file: $file, name: $name, version: $version, names: $names, family: $family) {
    model { name version active }
    family decision classes labelSet labelSetCreated
    warmUp { photo milliseconds objects }
    profiles { built skipped { profile reason } }
  }
}`;

interface Imported {
  model: { name: string; version: string; active: boolean };
  family: string;
  decision: string;
  classes: string[];
  labelSet: string;
  labelSetCreated: boolean;
  warmUp: { photo: string; milliseconds: number; objects: number };
  profiles: { built: string[]; skipped: { profile: string; reason: string }[] };
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'checking' }
  | { kind: 'done'; result: Imported }
  | { kind: 'refused'; reason: string | undefined; message: string };

interface ResponseBody {
  data?: { importModel?: Imported | null } | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** XMLHttpRequest, not fetch: only it reports upload progress. */
function send(
  form: FormData,
  onProgress: (percent: number) => void,
  onUploaded: () => void,
): Promise<ResponseBody> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/models/import');
    xhr.setRequestHeader('x-wanshi-upload', '1');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as ResponseBody);
      } catch {
        resolve({ errors: [{ message: `HTTP ${xhr.status}` }] });
      }
    };
    xhr.onerror = () =>
      resolve({ errors: [{ message: 'network error', extensions: { code: 'API_UNREACHABLE' } }] });
    xhr.send(form);
  });
}

export function ImportModelForm({ families }: { families: string[] }) {
  const { t } = useI18n();
  const m = t.models.importModel;
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [family, setFamily] = useState('auto');
  const [names, setNames] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const busy = outcome.kind === 'uploading' || outcome.kind === 'checking';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const classNames = names
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    const variables = {
      file: null,
      name: name.trim(),
      version: version.trim() || null,
      names: classNames.length ? classNames : null,
      family,
    };
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: IMPORT_MODEL, variables }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', file, file.name);
    setOutcome({ kind: 'uploading', percent: 0 });
    const body = await send(
      form,
      (percent) => setOutcome({ kind: 'uploading', percent }),
      () => setOutcome({ kind: 'checking' }),
    );
    const result = body.data?.importModel;
    if (result) {
      setOutcome({ kind: 'done', result });
      router.refresh(); // the new version appears in the tables above
    } else {
      const error = body.errors?.[0];
      setOutcome({ kind: 'refused', reason: error?.extensions?.reason, message: error?.message ?? '' });
    }
  }

  return (
    <section className={`card stack ${styles.panel}`} aria-labelledby="import-model-title">
      <h2 id="import-model-title">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <label className="field">
            {m.file}
            <input
              type="file"
              accept=".onnx"
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <label className="field">
            {m.name}
            <input
              type="text"
              required
              value={name}
              pattern="[a-z0-9][a-z0-9_\-]{0,47}"
              title={m.nameHint}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label className="field">
            {m.version}
            <input
              type="text"
              value={version}
              inputMode="numeric"
              pattern="[1-9][0-9]*"
              onChange={(e) => setVersion(e.target.value)}
            />
          </label>
          <label className="field">
            {m.family}
            <select value={family} onChange={(e) => setFamily(e.target.value)}>
              <option value="auto">{m.auto}</option>
              {families.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          {m.names}
          <textarea rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="button primary" disabled={busy || !file}>
            {outcome.kind === 'uploading'
              ? m.uploading(outcome.percent)
              : outcome.kind === 'checking'
                ? m.checking
                : m.submit}
          </button>
        </div>
      </form>
      {outcome.kind === 'uploading' && (
        <progress max={100} value={outcome.percent} aria-label={m.uploading(outcome.percent)} />
      )}
      {outcome.kind === 'checking' && <p role="status">{m.checking}</p>}
      {outcome.kind === 'done' && (
        <div className="notice success" role="status">
          <strong>{m.done(outcome.result.model.name, outcome.result.model.version)}</strong>
          <p>
            {outcome.result.family} · {m.classes(outcome.result.classes.length)} ·{' '}
            {m.labelSet(outcome.result.labelSet, outcome.result.labelSetCreated)}
          </p>
          <p>
            {m.decision}: {outcome.result.decision}
          </p>
          <p>
            {m.warmUp(
              outcome.result.warmUp.photo,
              Math.round(outcome.result.warmUp.milliseconds),
              outcome.result.warmUp.objects,
            )}
          </p>
          <p title={outcome.result.profiles.skipped.map((p) => `${p.profile}: ${p.reason}`).join('\n')}>
            {m.profiles(
              outcome.result.profiles.built,
              outcome.result.profiles.skipped.map((p) => p.profile),
            )}
          </p>
          {!outcome.result.model.active && <p>{m.inactive}</p>}
          {/* Names the dictionaries could not give are the admin's to write: the editor lists them first. */}
          <p>
            <Link href={`/labels?set=${encodeURIComponent(outcome.result.labelSet)}`}>{m.checkNames}</Link>
          </p>
        </div>
      )}
      {outcome.kind === 'refused' && (
        <div className="notice error" role="alert">
          <strong>
            {m.refused}
            {outcome.reason ? `: ${m.reasons[outcome.reason] ?? outcome.reason}` : ''}
          </strong>
          <p>{outcome.message}</p>
        </div>
      )}
    </section>
  );
}
