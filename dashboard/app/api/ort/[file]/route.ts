// onnxruntime-web's WebAssembly runtime, served by the dashboard itself so the 端侧体验 page works offline
// (no CDN). Only the files of the wasm build are served, straight from the installed package.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FILES: Record<string, string> = {
  'ort-wasm-simd-threaded.wasm': 'application/wasm',
  'ort-wasm-simd-threaded.mjs': 'text/javascript; charset=utf-8',
};
// The dashboard runs from the repository root (npm run dashboard:start), where node_modules is.
const DIST = path.join(process.cwd(), 'node_modules', 'onnxruntime-web', 'dist');

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return new Response('Not found', { status: 404 });
  const bytes = await readFile(path.join(DIST, file)).catch(() => null);
  if (bytes)
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
        // The threaded runtime starts workers from these files: in the isolated /device page a worker's
        // script must itself opt into COEP.
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      },
    });
  return new Response('onnxruntime-web is not installed', { status: 500 });
}
