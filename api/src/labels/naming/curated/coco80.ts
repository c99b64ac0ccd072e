import { COCO_ZH } from '../../coco-zh';
import type { CuratedList } from './types';

export const COCO80: CuratedList = {
  key: 'coco80',
  source:
    'COCO 2017 detection classes (cocodataset.org); Wanshi’s own Chinese names (api/src/labels/coco-zh.ts)',
  entries: COCO_ZH.labels.map(({ key, zh, aliases, category }) => ({ en: key, zh, aliases, category })),
};
