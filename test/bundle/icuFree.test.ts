/**
 * SPEC §10.3: the pushed script depends on nothing of ICU that Apps Script's V8 may lack — no
 * Unicode property escapes (`\p{L}`) anywhere in build/Code.js, and no Intl time-zone data on any
 * path the add-on runs: the one Intl use left (core/periods intlLocalDay, the reader's fallback
 * for the CLI) is never reached, which a run with a throwing Intl proves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH } from '../harness/loadBundle';
import { ruWorkbook, enWorkbook } from '../fixtures/rawWorkbooks';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { bundleParts, loadBundle } from '../harness/loadBundle';
import type { RawWorkbook } from '../../src/workbook/raw';

// Both parts of build/Code.js: the custom functions compiled at load, and the rest's text compiled on first use.
const code = Object.values(bundleParts(readFileSync(BUNDLE_PATH, 'utf8'))).join('\n');

describe('build/Code.js needs no ICU data Apps Script may not have', () => {
  it('has no \\p{…} or \\P{…} regular expression', () => {
    expect(code.match(/\\[pP]\{[^}]*\}/g) ?? []).toEqual([]);
  });

  it('uses Intl in one place only: the reader’s fallback for workbooks without toLocalDay', () => {
    const uses = [...code.matchAll(/Intl\.[A-Za-z]+/g)].map((m) => m.index!);
    expect(uses.length).toBe(1);
    // the bundle is minified, so intlLocalDay is known by what it does: a calendar day in a zone, en-CA
    expect(code.slice(uses[0], uses[0] + 80)).toMatch(/^Intl\.DateTimeFormat\("en-CA",\{timeZone:/);
  });

  it('generates, checks and shows earnings with Intl throwing on use (dates go through Utilities.formatDate)', () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('Intl used in the bundle'); } });
    for (const raw of [ruWorkbook(), enWorkbook()] as RawWorkbook[]) {
      const sheets: Record<string, unknown[][]> = {};
      for (const s of raw.sheets) sheets[s.name] = s.values;
      const ss = fakeSpreadsheet({ sheets, timeZone: raw.timeZone, locale: raw.locale ?? 'ru_RU' });
      const gas = loadBundle({ ...appsScriptGlobals(ss), Intl: throwing });
      expect(() => gas.get('Intl').DateTimeFormat).toThrow(/Intl used/);
      const json = gas.call('generatePayouts', '2026-11');
      expect(json.managers.length).toBeGreaterThan(0);
      gas.call('checkData', '2026-11');
      gas.call('myEarnings', json.managers[0].manager, '2026-11-20');
    }
  });
});
