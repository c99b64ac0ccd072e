// The parts of the COCO annotation and result formats that box evaluation needs, validated on load.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const xywh = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** Images are read from `imagesDir/file_name`: a name that climbs out of the folder would read other files. */
const fileName = z
  .string()
  .refine(
    (name) => !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..'),
    'must stay inside imagesDir',
  );

const datasetSchema = z.object({
  images: z.array(z.object({ id: z.number(), file_name: fileName, width: z.number(), height: z.number() })),
  annotations: z.array(
    z.object({
      id: z.number(),
      image_id: z.number(),
      category_id: z.number(),
      bbox: xywh,
      iscrowd: z.union([z.literal(0), z.literal(1)]).default(0),
    }),
  ),
  categories: z.array(z.object({ id: z.number(), name: z.string() })),
});

export type CocoDataset = z.infer<typeof datasetSchema>;

/** One entry of a COCO results file: bbox is [x, y, width, height] in original pixels. */
export interface CocoDetection {
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  score: number;
}

/**
 * Reads a COCO instances file. Its errors never quote the file (JSON.parse's do): they reach people who may
 * not read the file themselves (a benchmark job's error is shown to reviewers).
 */
export async function loadCocoDataset(file: string): Promise<CocoDataset> {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not JSON' : 'could not be read';
    throw new Error(`The annotations file ${name} ${reason}`, { cause: error });
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'top level';
    throw new Error(`The annotations file ${name} is not a COCO instances file (at ${where})`);
  }
  return parsed.data;
}
