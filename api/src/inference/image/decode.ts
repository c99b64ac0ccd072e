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

/** What the header says: the format and the size as the user sees it (after the EXIF orientation). */
export interface ImageHeader {
  format: string;
  /** HEIF only: what is inside the container (av1 for AVIF, hevc for HEIC). */
  compression?: string;
  width: number;
  height: number;
}

/**
 * Checks an upload's size, format and pixel count from its header (decoding nothing) and returns the opened
 * input, which refuses decompression bombs (limitInputPixels) when it is decoded.
 */
export async function openImage(
  bytes: Uint8Array,
  limits: ImageLimits,
): Promise<{ input: sharp.Sharp; header: ImageHeader }> {
  if (bytes.length === 0) throw new ImageInputError('empty', 'The image is empty (0 bytes).');
  if (bytes.length > limits.maxBytes) {
    throw new ImageInputError(
      'too-many-bytes',
      `The image is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`,
    );
  }
  const input = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' });
  const header = await readHeader(input);
  if (header.format === 'heif' && header.compression !== DECODABLE_HEIF_COMPRESSION) {
    throw new ImageInputError('unsupported-format', HEIC_UNSUPPORTED);
  }
  if (header.format !== 'heif' && !SUPPORTED_FORMATS.includes(header.format)) {
    throw new ImageInputError(
      'unsupported-format',
      `Unsupported image format "${header.format}"; use JPEG, PNG, WebP or AVIF.`,
    );
  }
  return { input, header };
}

/**
 * The steps every decode takes, whatever size it decodes at: upright (EXIF orientation applied, so boxes match
 * what the user sees), alpha flattened onto white, greyscale and CMYK as three sRGB channels.
 */
export function uprightRgb(input: sharp.Sharp): sharp.Sharp {
  return input
    .rotate()
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .toColourspace('srgb');
}

/** Runs a decode pipeline, reporting a failure as the caller's bad image. */
export async function decodePixels(pipeline: sharp.Sharp): Promise<{ data: Buffer; info: sharp.OutputInfo }> {
  try {
    return await pipeline.raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw asInputError(error);
  }
}

/** The whole picture at full size (the model path decodes at the model's size instead: preprocess.ts). */
export async function decodeImage(bytes: Uint8Array, limits: ImageLimits): Promise<RgbImage> {
  const { input } = await openImage(bytes, limits);
  const { data, info } = await decodePixels(uprightRgb(input));
  return { data, width: info.width, height: info.height };
}

async function readHeader(input: sharp.Sharp): Promise<ImageHeader> {
  try {
    const { format, compression, autoOrient } = await input.metadata();
    return { format: format ?? 'unknown', compression, width: autoOrient.width, height: autoOrient.height };
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
