// A box on the original photo, in its pixels: what detections store and what reviews correct or add. Its own
// module because both detections and the review views build on it, and neither should import the other for it.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
