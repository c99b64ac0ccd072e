import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Image } from '../../api/src/pipelines/base64-image';

const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256));
const sha = createHash('sha256').update(bytes).digest('hex');

function wrap(text: string, width: number, newline: string): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  return lines.join(newline);
}

describe('decodeBase64Image', () => {
  it('decodes padded base64 and hashes the bytes', async () => {
    const decoded = await decodeBase64Image(bytes.toString('base64'), 10_000);
    expect(decoded.bytes.equals(bytes)).toBe(true);
    expect(decoded.sha256).toBe(sha);
  });

  it('accepts a data URL and unpadded base64', async () => {
    const unpadded = bytes.toString('base64').replace(/=+$/, '');
    expect((await decodeBase64Image(`data:image/png;base64,${unpadded}`, 10_000)).sha256).toBe(sha);
  });

  it('decodes input longer than one chunk the same as in one go', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0xab);
    const decoded = await decodeBase64Image(big.toString('base64'), big.length);
    expect(decoded.bytes.equals(big)).toBe(true);
  });

  it.each([
    ['characters outside the alphabet', 'abc$def!'],
    ["base64url's - and _ (Node's decoder would take them)", 'ab-_cdef'],
    ['a character Node would skip (a vertical tab)', 'abcd\vefgh'],
    ['padding inside', 'ab==cdef'],
    ['an impossible length', 'abcde'],
    ['too much padding', 'ab==='],
    ['nothing', ''],
  ])('refuses %s with BAD_USER_INPUT', async (_, text) => {
    await expect(decodeBase64Image(text, 10_000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses once the decoded size passes the limit', async () => {
    await expect(decodeBase64Image(bytes.toString('base64'), 4999)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { limitBytes: 4999 },
    });
  });

  it('takes an image exactly at the limit, also when wrapped', async () => {
    expect((await decodeBase64Image(wrap(bytes.toString('base64'), 76, '\r\n'), 5000)).sha256).toBe(sha);
  });

  it.each([
    ['MIME lines of 76 with CRLF', 76, '\r\n'],
    ['PEM lines of 64 with LF', 64, '\n'],
    ['lines of 75 (not a multiple of 4)', 75, '\n'],
  ])('accepts base64 wrapped in %s', async (_, width, newline) => {
    const wrapped = `${wrap(bytes.toString('base64'), width, newline)}${newline}`;
    expect((await decodeBase64Image(wrapped, 10_000)).sha256).toBe(sha);
  });

  it('decodes wrapped input longer than one chunk the same as in one go', async () => {
    const big = Buffer.from(Array.from({ length: 2 * 1024 * 1024 + 5 }, (_, i) => (i * 7) % 251));
    const decoded = await decodeBase64Image(wrap(big.toString('base64'), 75, '\r\n'), big.length);
    expect(decoded.bytes.equals(big)).toBe(true);
  });

  it.each([
    ['data:image/jpeg;base64,', true],
    ['data:IMAGE/PNG;base64,', true],
    ['data:application/octet-stream;base64,', true],
    ['data:text/plain;base64,', false],
    ['data:;base64,', false],
    ['data:application/json;base64,', false],
    ['data:image/png,', false],
  ])('with the data URL header %s accepts: %s', async (header, accepted) => {
    const decoding = decodeBase64Image(`${header}${bytes.toString('base64')}`, 10_000);
    if (accepted) expect((await decoding).sha256).toBe(sha);
    else await expect(decoding).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
