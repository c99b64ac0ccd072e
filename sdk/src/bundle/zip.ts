// Reads the entries of a ZIP archive from memory, in browsers, React Native and Node alike: the central
// directory for names and offsets, STORE entries as they are, DEFLATE ones through DecompressionStream. No
// ZIP64 (bundles are far below 4 GiB).
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORE = 0;
const DEFLATE = 8;

export class ZipFormatError extends Error {}

export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER)
      throw new ZipFormatError('Broken ZIP central directory');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER)
      throw new ZipFormatError(`Broken ZIP entry ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > view.byteLength) throw new ZipFormatError(`ZIP entry ${name} is cut short`);
    const data = bytes.subarray(start, start + compressed);
    if (method === STORE) entries.set(name, data);
    else if (method === DEFLATE) entries.set(name, await inflateRaw(data, size));
    else throw new ZipFormatError(`ZIP entry ${name} uses compression method ${method}`);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new ZipFormatError('Not a ZIP archive (no end of central directory)');
}

async function inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  if (out.length !== size) throw new ZipFormatError('ZIP entry inflated to the wrong size');
  return out;
}
