/**
 * Letters and digits without Unicode property escapes (`\p{L}`): the bundle runs on Apps Script's
 * V8 and ICU, which cannot be checked from here (SPEC §10.3), so no `\p{…}` goes into it. A cased
 * letter is one whose lower and upper case differ (Latin, Cyrillic, Greek, Armenian…); the uncased
 * scripts owners write headers and names in are listed by range.
 */
const UNCASED_LETTER = /[\u00aa\u00ba\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u0904-\u0939\u0e01-\u0e30\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/;

/** Whether one character (one UTF-16 unit or pair) is a letter. */
export function isLetter(ch: string): boolean {
  return ch !== '' && (ch.toLowerCase() !== ch.toUpperCase() || ch === 'ß' || UNCASED_LETTER.test(ch));
}

/** Whether one character is a letter or a digit. */
export function isLetterOrDigit(ch: string): boolean {
  return isLetter(ch) || DIGIT.test(ch);
}

/** Every run of characters that are neither letters nor digits replaced by `by`. */
export function replaceNonWords(text: string, by: string): string {
  let out = '';
  let gap = false;
  for (const ch of text) {
    if (isLetterOrDigit(ch)) {
      if (gap) out += by;
      gap = false;
      out += ch;
    } else gap = true;
  }
  return gap ? out + by : out;
}
