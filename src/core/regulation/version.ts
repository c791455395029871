/**
 * The regulation's version: a short hash of the scheme's pay conditions (rule kinds and numbers,
 * in order; not the comments or where the rows sit), so that any change of pay changes it and
 * moving rows or editing a comment does not. FNV-1a 32-bit: pure, no crypto in Apps Script.
 */
import { schemeKey, type Rule, type Scheme } from '../schemes';

function conditions(rule: Rule): Record<string, unknown> {
  const { ref: _ref, comment: _comment, tiersText: _text, ...rest } = rule;
  return rest;
}

export function schemeVersion(scheme: Scheme): string {
  const text = JSON.stringify([schemeKey(scheme.name), scheme.rules.map(conditions)]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
