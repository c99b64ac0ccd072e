// The type of a stored photo from its bytes, for each format decode accepts: what the image route answers as
// Content-Type and the exports name the file by.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageContentType } from '../../api/src/storage/content-type';

const picture = () =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 40, b: 90 } } });

describe('imageContentType', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('tells %s from its first bytes', async (format, contentType) => {
    const bytes = await picture().toFormat(format).toBuffer();
    expect(imageContentType(bytes)).toBe(contentType);
  });

  it('calls anything else an octet stream', () => {
    expect(imageContentType(Buffer.from('GIF89a and then some'))).toBe('application/octet-stream');
    expect(imageContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });
});
