// The parts of the COCO annotation and result formats that box evaluation needs, validated on load.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const xywh = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const datasetSchema = z.object({
  images: z.array(z.object({ id: z.number(), file_name: z.string(), width: z.number(), height: z.number() })),
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

export async function loadCocoDataset(file: string): Promise<CocoDataset> {
  return datasetSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
