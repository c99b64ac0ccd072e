// Turns uploaded bytes into upright sRGB pixels, refusing inputs that are too big to decode safely.
import sharp from 'sharp';

// Every upload is decoded once: libvips' operation cache (up to 50 MB) would only keep pixels nobody asks for again.
sharp.cache(false);

/** Raw interleaved RGB pixels, 3 bytes per pixel, row-major. */
export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

export type ImageInputErrorReason =
  'empty' | 'too-many-bytes' | 'too-many-pixels' | 'unsupported-format' | 'corrupt';

/** A problem with the caller's image (not with the service): the API maps it to BAD_USER_INPUT. */
export class ImageInputError extends Error {
  constructor(
    readonly reason: ImageInputErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ImageInputError';
  }
}

const SUPPORTED_FORMATS: readonly string[] = ['jpeg', 'png', 'webp'];
/**
 * HEIF is a container: sharp's prebuilt libvips decodes AV1 inside it (AVIF) but has no HEVC decoder (patents),
 * so HEIC, the iPhone camera's default, cannot be decoded here and gets its own answer.
 */
const DECODABLE_HEIF_COMPRESSION = 'av1';
export const HEIC_UNSUPPORTED =
  'HEIC (HEVC-compressed HEIF, the iPhone camera default) is not supported; send JPEG, PNG, WebP or AVIF ' +
  '(iPhone: Settings → Camera → Formats → Most Compatible).';

export async function decodeImage(bytes: Uint8Array, limits: ImageLimits): Promise<RgbImage> {
  if (bytes.length === 0) throw new ImageInputError('empty', 'The image is empty (0 bytes).');
  if (bytes.length > limits.maxBytes) {
    throw new ImageInputError(
      'too-many-bytes',
      `The image is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`,
    );
  }
  // limitInputPixels makes sharp refuse decompression bombs from the header, before decoding them.
  const input = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' });
  const { format, compression } = await readFormat(input);
  if (format === 'heif' && compression !== DECODABLE_HEIF_COMPRESSION) {
    throw new ImageInputError('unsupported-format', HEIC_UNSUPPORTED);
  }
  if (format !== 'heif' && !SUPPORTED_FORMATS.includes(format)) {
    throw new ImageInputError(
      'unsupported-format',
      `Unsupported image format "${format}"; use JPEG, PNG, WebP or AVIF.`,
    );
  }
  try {
    const { data, info } = await input
      .rotate() // applies the EXIF orientation, so boxes match what the user sees
      .flatten({ background: { r: 255, g: 255, b: 255 } })
      .toColourspace('srgb') // greyscale and CMYK become three sRGB channels
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw asInputError(error);
  }
}

async function readFormat(input: sharp.Sharp): Promise<{ format: string; compression?: string }> {
  try {
    const { format, compression } = await input.metadata();
    return { format: format ?? 'unknown', compression };
  } catch (error) {
    throw asInputError(error);
  }
}

function asInputError(error: unknown): ImageInputError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new ImageInputError('too-many-pixels', 'The image has more pixels than the configured limit.');
  }
  if (/unsupported image format/i.test(message)) {
    return new ImageInputError('unsupported-format', 'Unrecognised image data; use JPEG, PNG, WebP or AVIF.');
  }
  const firstLine = message.split('\n')[0].trim();
  return new ImageInputError('corrupt', `The image could not be decoded: ${firstLine}`);
}
