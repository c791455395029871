/**
 * A short fingerprint of a text: two independent 32-bit FNV-1a-style hashes of its UTF-16 units,
 * 16 hex digits. It tells "the statement changed" from "the same statement" (the Sent log, SPEC §12);
 * it is not a security hash (nothing here needs one, and Apps Script would need a service call for it).
 * @example fingerprint('Иванов 62 500,00') // 'a1b2…' (16 hex digits)
 */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  h1 ^= text.length;
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x27d4eb2d);
  return hex8(h1) + hex8(h2);
}

function hex8(n: number): string {
  return ('0000000' + (n >>> 0).toString(16)).slice(-8);
}
