/** Stored photos are served through the dashboard's authenticated proxy; with a width, a thumbnail of it. */
export function imageUrl(sha256: string, width?: number): string {
  return width === undefined ? `/api/images/${sha256}` : `/api/images/${sha256}?width=${width}`;
}
