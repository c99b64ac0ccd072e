// What a stored photo is, from its first bytes: the store keeps the upload as sent, and both the image route and
// the exports need its type (the HTTP content type, the file extension in an archive).

/** The stored bytes are whatever was uploaded; decode accepted only these four. */
export function imageContentType(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === '\x89PNG') return 'image/png';
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  // AVIF is an ISO media file: a 'ftyp' box whose major brand is avif (a still) or avis (a sequence).
  const brand = bytes.subarray(4, 12).toString('latin1');
  if (brand === 'ftypavif' || brand === 'ftypavis') return 'image/avif';
  return 'application/octet-stream';
}
