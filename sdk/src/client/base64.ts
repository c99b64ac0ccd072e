// Photo bytes → base64 without Node's Buffer: btoa exists in browsers, React Native (Hermes) and Node alike.
const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
