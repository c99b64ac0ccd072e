'use client';
// The chosen bundle downloaded, verified and run in this browser with onnxruntime-web (wasm files served by
// the dashboard), the photo decoded by the browser's own canvas; the server's detect for the same photo and
// profile beside it.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_MIN_SCORE, type DeviceDetection, type DeviceDetector, type OrtModule } from '@wanshi/sdk';
import { DetectionViewer } from '@/components/detections/DetectionViewer';
import { ErrorNotice } from '@/components/ErrorNotice';
import { request } from '@/lib/graphql/client';
import { DETECT } from '@/lib/graphql/documents/detections';
import { toFailure, type RequestFailure } from '@/lib/graphql/errors';
import type {
  DetectionFragment as Detection,
  DeviceBundlesQuery,
  Precision,
} from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { PhotoDropZone, type Photo } from '../try/PhotoDropZone';
import { DetectionTable } from './DetectionTable';
import styles from './device.module.css';

interface Loaded {
  bundle: DeviceBundleInfo;
  detector: DeviceDetector;
}

interface Outcome {
  device: DeviceDetection;
  server: Detection | null;
  serverMs: number;
  failure: RequestFailure | null;
}

type DeviceBundleInfo = DeviceBundlesQuery['deviceBundles'][number];

const labelOf = (b: DeviceBundleInfo) => `${b.model} v${b.version} · ${b.profile}-${b.inputSize}`;

/** onnxruntime-web, once, with its wasm files from this dashboard; threads only where the page is isolated. */
async function loadOrt(threads: number): Promise<OrtModule> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmPaths = '/api/ort/';
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? threads : 1;
  return ort as unknown as OrtModule;
}

/** The photo as the browser decodes it (EXIF orientation applied), RGBA. */
async function decodePhoto(photo: Photo) {
  const bitmap = await createImageBitmap(await (await fetch(photo.url)).blob(), {
    imageOrientation: 'from-image',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

export function DeviceWorkbench({ bundles }: { bundles: DeviceBundleInfo[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(bundles.find((b) => b.profile === 'int8') ?? bundles[0]);
  const [threads, setThreads] = useState(1);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const loaded = useRef<Loaded | null>(null);
  const [loadMs, setLoadMs] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  useEffect(() => () => void loaded.current?.detector.release(), []);

  async function detectorFor(bundle: DeviceBundleInfo): Promise<DeviceDetector> {
    const current = loaded.current;
    if (current && current.bundle.sha256 === bundle.sha256) return current.detector;
    await current?.detector.release();
    const started = performance.now();
    const { DeviceDetector } = await import('@wanshi/sdk');
    const response = await fetch(`/api${bundle.url}`);
    if (!response.ok) throw new Error(`Bundle download failed: HTTP ${response.status}`);
    const detector = await DeviceDetector.load(
      new Uint8Array(await response.arrayBuffer()),
      await loadOrt(threads),
    );
    loaded.current = { bundle, detector };
    setLoadMs(performance.now() - started);
    return detector;
  }

  async function run(target: Photo) {
    setRunning(true);
    setFailure(null);
    setOutcome(null);
    try {
      const detector = await detectorFor(chosen);
      const device = await detector.detect(await decodePhoto(target));
      const started = performance.now();
      let server: Detection | null = null;
      let serverFailure: RequestFailure | null = null;
      try {
        server = (
          await request(DETECT, {
            input: {
              imageBase64: target.base64,
              model: chosen.model,
              precision: chosen.precision.toUpperCase() as Precision,
              inputSize: chosen.inputSize,
              sampleForReview: false,
            },
          })
        ).detect;
      } catch (error) {
        serverFailure = toFailure(error);
      }
      setOutcome({ device, server, serverMs: performance.now() - started, failure: serverFailure });
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setRunning(false);
    }
  }

  function choosePhoto(next: Photo) {
    photo?.release();
    setPhoto(next);
    void run(next);
  }

  return (
    <section className="card stack">
      <div className={styles.controls}>
        <label className="field">
          {t.device.bundle}
          <select
            value={chosen.url}
            onChange={(event) => setChosen(bundles.find((b) => b.url === event.target.value) ?? bundles[0])}
          >
            {bundles.map((b) => (
              <option key={b.url} value={b.url}>
                {labelOf(b)} ({t.device.bundleSize((b.bytes / 1e6).toFixed(1))})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t.device.threads}
          {/* The wasm runtime takes its thread count once per page: reload the page to change it. */}
          <select
            value={threads}
            onChange={(event) => setThreads(Number(event.target.value))}
            disabled={loadMs !== null}
          >
            {[1, 2, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button primary"
          onClick={() => photo && run(photo)}
          disabled={!photo || running}
        >
          {running ? t.device.running : t.device.run}
        </button>
      </div>
      {failure && <ErrorNotice failure={failure} />}
      {!photo ? (
        <PhotoDropZone onPhoto={choosePhoto} />
      ) : (
        <div className={styles.sides}>
          <div className="stack" data-testid="device-side">
            <h3>{t.device.deviceSide}</h3>
            {outcome && (
              <>
                <p className={styles.timing}>
                  {t.device.deviceMs}:{' '}
                  <strong data-testid="device-ms">{outcome.device.timing.totalMs.toFixed(0)}</strong> ms
                  {loadMs !== null && ` · ${t.device.loadMs}: ${loadMs.toFixed(0)} ms`}
                </p>
                <DetectionViewer
                  src={photo.url}
                  alt={photo.name}
                  width={outcome.device.image.width}
                  height={outcome.device.image.height}
                  objects={outcome.device.objects}
                  floor={DEFAULT_MIN_SCORE}
                />
                <DetectionTable objects={outcome.device.objects} testId="device-objects" />
              </>
            )}
          </div>
          <div className="stack" data-testid="server-side">
            <h3>{t.device.serverSide}</h3>
            {outcome?.failure && <ErrorNotice failure={outcome.failure} />}
            {outcome?.server && (
              <>
                <p className={styles.timing}>
                  {t.device.serverMs}: <strong>{outcome.serverMs.toFixed(0)}</strong> ms
                </p>
                <DetectionViewer
                  src={photo.url}
                  alt={photo.name}
                  width={outcome.server.image.width}
                  height={outcome.server.image.height}
                  objects={outcome.server.objects}
                  floor={DEFAULT_MIN_SCORE}
                />
                <DetectionTable objects={outcome.server.objects} testId="server-objects" />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
