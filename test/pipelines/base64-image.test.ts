import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Image } from '../../api/src/pipelines/base64-image';

const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256));
const sha = createHash('sha256').update(bytes).digest('hex');

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
    ['whitespace inside', 'abcd efgh'],
    ['padding inside', 'ab==cdef'],
    ['an impossible length', 'abcde'],
    ['too much padding', 'ab==='],
    ['nothing', ''],
  ])('refuses %s with BAD_USER_INPUT', async (_, text) => {
    await expect(decodeBase64Image(text, 10_000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses before decoding when the decoded size would pass the limit', async () => {
    await expect(decodeBase64Image(bytes.toString('base64'), 4999)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { limitBytes: 4999 },
    });
  });
});
