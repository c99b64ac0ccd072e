// Every curated list, in the order ties are broken (COCO first: the built-in model's classes).
import { COCO80 } from './coco80';
import { OBJECTS365 } from './objects365';
import type { CuratedList } from './types';
import { VISDRONE } from './visdrone';
import { VOC20 } from './voc20';

export type { CuratedEntry, CuratedList } from './types';
export const CURATED_LISTS: readonly CuratedList[] = [COCO80, VOC20, VISDRONE, OBJECTS365];
