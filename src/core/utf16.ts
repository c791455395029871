/**
 * Lengths as Sheets and Excel count them: UTF-16 units (JS `.length`), so one emoji is 2
 * (SPEC §10.3). Cutting never splits a surrogate pair.
 */

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair; text within the limit comes back unchanged. */
export function cutUtf16(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return text.slice(0, end);
}

/** Characters as a reader counts them (code points: a surrogate pair is one), without making an array of them. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 1; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xdc00 && u <= 0xdfff) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) n--;
    }
  }
  return n;
}
