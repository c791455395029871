/**
 * build/Code.js holds every message area as JSON text, parsed on first use (issue 11: Sheets
 * evaluates the bundle on every custom-function call); messages still come out in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, bundleParts, loadBundle } from '../harness/loadBundle';

const MESSAGES = join(dirname(fileURLToPath(import.meta.url)), '../../src/core/messages');

describe('message tables in the bundle', () => {
  it('every area is one JSON text, no object literal built at load or on first use of the rest', () => {
    const areas = readdirSync(MESSAGES).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    // both parts of build/Code.js (test/bundle/lazyRest.test.ts): the custom functions' and the rest's text
    for (const code of Object.values(bundleParts(readFileSync(BUNDLE_PATH, 'utf8')))) {
      // the JSON text in a comment (V8 skips it), read back through Function.prototype.toString
      expect(code.match(/\{"@json":function \(\) \{\/\*kpi-payouts:messages\n\{/g)?.length).toBe(areas.length);
      // a key of the functions' area appears only inside its JSON text (escaped quotes), never as a literal property
      expect(code).toContain('"fnNotANumber":{"en":');
      expect(code).not.toMatch(/[{,]fnNotANumber:\{en:/);
    }
  });

  it('a message is found and filled on first use, in Russian and English', () => {
    const ru = loadBundle({ SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'ru_RU' }) } });
    expect(() => ru.call('KPI_COMMISSION', [[1], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, строка 2: «abc» — не число');
    const en = loadBundle();
    expect(() => en.call('KPI_COMMISSION', [[1], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, row 2: "abc" is not a number');
  });
});
