// The export archives, written by yazl: STORE entries (photos are compressed already, the text files are small)
// with ZIP64 records where an archive passes 65,535 entries or 4 GiB, so a YOLO export of 40k photos (two files
// each) still opens. Streamed: `add` returns once yazl has read the entry's bytes, so an export holds one photo
// in memory at a time, and every chunk of the archive waits for `write`, so a slow reader slows the export down.
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';

const REGULAR_FILE_0644 = 0o100644;

export class ZipWriter {
  private readonly zip = new ZipFile();
  /** Settles when the whole archive has gone to `write`; rejects with the first error of `write` or yazl. */
  private readonly written: Promise<void>;

  constructor(
    write: (chunk: Buffer) => Promise<void>,
    private readonly modifiedAt = new Date(),
  ) {
    const output = this.zip.outputStream;
    this.written = (async () => {
      for await (const chunk of output) await write(chunk as Buffer);
    })();
    this.written.catch(() => {}); // awaited by add/finish; this only keeps an early failure from going unhandled
  }

  async add(path: string, data: Uint8Array | string): Promise<void> {
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, 'utf8')
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const input = new PassThrough();
    const read = new Promise<void>((resolve, reject) => input.once('end', resolve).once('error', reject));
    this.zip.addReadStream(input, path, {
      size: bytes.length,
      mtime: this.modifiedAt,
      mode: REGULAR_FILE_0644,
      compress: false,
    });
    input.end(bytes);
    await Promise.race([read, this.written]);
  }

  /** Writes the central directory; the archive is complete once this resolves. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.written;
  }
}
