// Where each box's label tag goes so that tags do not cover each other on a crowded photo. Greedy, best score
// first (the likeliest objects keep the natural spot, just above their box): each tag takes the first candidate
// spot that overlaps no tag placed so far: above the box, inside its top, below it, inside its bottom, then
// stepping down the box's left edge. Pure, in image pixels.

export interface TagBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TagRequest {
  box: TagBox;
  score: number;
  /** Tag size in image pixels. */
  width: number;
  height: number;
}

const overlaps = (a: TagBox, b: TagBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function candidates(request: TagRequest, imageWidth: number, imageHeight: number): TagBox[] {
  const { box, width, height } = request;
  const x = Math.max(0, Math.min(box.x, imageWidth - width));
  const clampY = (y: number) => Math.max(0, Math.min(y, imageHeight - height));
  const ys = [box.y - height, box.y, box.y + box.height, box.y + box.height - height];
  for (let y = box.y + height; y < box.y + box.height - height; y += height) ys.push(y);
  return ys.map((y) => ({ x, y: clampY(y), width, height }));
}

/** One tag position per request, in request order. */
export function layoutTags(
  requests: readonly TagRequest[],
  imageWidth: number,
  imageHeight: number,
): TagBox[] {
  const order = requests.map((_, i) => i).sort((a, b) => requests[b].score - requests[a].score);
  const placed: TagBox[] = [];
  const result: TagBox[] = new Array(requests.length);
  for (const i of order) {
    const spots = candidates(requests[i], imageWidth, imageHeight);
    const spot = spots.find((c) => !placed.some((p) => overlaps(c, p))) ?? spots[0];
    placed.push(spot);
    result[i] = spot;
  }
  return result;
}
