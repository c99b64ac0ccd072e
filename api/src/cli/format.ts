// How CLI results read: one line per image for people, one JSON object per line for programs.
import type { EvaluationResult } from '../evaluation/coco-eval';
import type { Detection } from '../inference/detector';
import type { Label } from '../labels';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** e.g. `000000000009.jpg 640×480: 碗 0.87 [1,187,612,473]，西兰花 0.66 [...]` */
export function detectionLine(file: string, detection: Detection, labels: readonly Label[]): string {
  const objects = detection.objects.map(
    (o) => `${labels[o.classIndex].zh} ${o.score.toFixed(2)} [${o.box.map((v) => Math.round(v)).join(',')}]`,
  );
  return `${file} ${detection.width}×${detection.height}: ${objects.length > 0 ? objects.join('，') : '未检测到物体'}`;
}

export function detectionJson(file: string, detection: Detection, labels: readonly Label[]): string {
  return JSON.stringify({
    file,
    width: detection.width,
    height: detection.height,
    objects: detection.objects.map((o) => ({
      key: o.key,
      zh: labels[o.classIndex].zh,
      category: labels[o.classIndex].category,
      score: round(o.score, 4),
      box: o.box.map((v) => round(v, 1)),
    })),
  });
}

export interface EvaluationSummary {
  model: string;
  precision: string;
  inputSize: number;
  provider: string;
  images: number;
  imagesPerSecond: number;
  result: EvaluationResult;
}

/** Chinese name of a category by its (English) dataset name; the name itself when no label has it. */
type ZhOf = (name: string) => string;

export function evaluationReport(summary: EvaluationSummary, zhOf: ZhOf): string {
  const { result } = summary;
  const f3 = (v: number) => v.toFixed(3);
  const row = (name: string, ap: string, ap50: string, instances: string) =>
    `${padToWidth(name, 28)}${ap.padStart(7)}${ap50.padStart(7)}${instances.padStart(7)}`;
  const lines = [
    `${summary.model} ${summary.precision} ${summary.inputSize}×${summary.inputSize} (${summary.provider})，${summary.images} 张图片`,
    `mAP@[.5:.95] ${f3(result.map)}   mAP@.5 ${f3(result.map50)}   mAP@.75 ${f3(result.map75)}`,
    `速度 ${summary.imagesPerSecond.toFixed(1)} 张/秒（读取、解码、预处理、推理、后处理）`,
    '',
    row('类别', 'AP', 'AP50', '实例'),
  ];
  for (const c of result.categories) {
    if (c.ap === null) continue;
    lines.push(row(`${zhOf(c.name)} (${c.name})`, f3(c.ap), f3(c.ap50!), String(c.instances)));
  }
  return lines.join('\n');
}

/** Pads to a terminal width: CJK characters take two columns, so string length would misalign them. */
function padToWidth(text: string, columns: number): string {
  const width = [...text].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - width));
}

export function evaluationJson(summary: EvaluationSummary, zhOf: ZhOf): string {
  const { result } = summary;
  return JSON.stringify({
    model: summary.model,
    precision: summary.precision,
    inputSize: summary.inputSize,
    provider: summary.provider,
    images: summary.images,
    imagesPerSecond: round(summary.imagesPerSecond, 2),
    map: result.map,
    map50: result.map50,
    map75: result.map75,
    categories: result.categories
      .filter((c) => c.ap !== null)
      .map((c) => ({ key: c.name, zh: zhOf(c.name), ap: c.ap, ap50: c.ap50, instances: c.instances })),
  });
}
