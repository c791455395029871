/**
 * build/Code.js holds every message area as JSON text, parsed on first use (issue 11: Sheets
 * evaluates the bundle on every custom-function call); messages still come out in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, loadBundle } from '../harness/loadBundle';

const MESSAGES = join(dirname(fileURLToPath(import.meta.url)), '../../src/core/messages');

describe('message tables in the bundle', () => {
  it('every area is one JSON string, no object literal built at load', () => {
    const code = readFileSync(BUNDLE_PATH, 'utf8');
    const areas = readdirSync(MESSAGES).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    // esbuild quotes each string as suits it ('…', "…" or `…`)
    expect(code.match(/\{"@json":['"`]\{/g)?.length).toBe(areas.length);
    // a key of the functions' area appears only inside its JSON text (escaped quotes), never as a literal property
    expect(code).toContain('"fnNotANumber":{"en":');
    expect(code).not.toMatch(/[{,]fnNotANumber:\{en:/);
  });

  it('a message is found and filled on first use, in Russian and English', () => {
    const ru = loadBundle({ SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'ru_RU' }) } });
    expect(() => ru.call('KPI_COMMISSION', [[1], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, строка 2: «abc» — не число');
    const en = loadBundle();
    expect(() => en.call('KPI_COMMISSION', [[1], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, row 2: "abc" is not a number');
  });
});
