/** Stored photos are served through the dashboard's authenticated proxy. */
export function imageUrl(sha256: string): string {
  return `/api/images/${sha256}`;
}
