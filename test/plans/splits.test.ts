/**
 * Reading a `Доли` / split cell (SPEC §14): the share is the number right before `%`, so a name that
 * ends in a number (`Менеджер 1`, `Отдел 2`) keeps it — it was read as a thousands-grouped share
 * (`1 40%` → 140 %) and every such split became a sum issue, its deal left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSplit } from '../../src/core/splits';

const shares = (text: string) => {
  const r = parseSplit(text);
  return r.ok ? r.shares.map((s) => [s.manager, s.share.toNumber()]) : r;
};

describe('parseSplit', () => {
  it('names ending in a number keep it; the share is the last number before %', () => {
    expect(shares('Менеджер 0 60%; Менеджер 1 40%')).toEqual([['Менеджер 0', 0.6], ['Менеджер 1', 0.4]]);
    // was 250 % + 1 050 % = 1 300 %
    expect(shares('Отдел 2 50%; Отдел 10 50%')).toEqual([['Отдел 2', 0.5], ['Отдел 10', 0.5]]);
  });
  it('separators, decimal commas, spaces before % and a name written twice', () => {
    expect(shares('Иванов - 60%; Петров — 40 %')).toEqual([['Иванов', 0.6], ['Петров', 0.4]]);
    // 33,5 % + 66,5 % = 100 %
    expect(shares('Иванов: 33,5%\nПетров 66,5%')).toEqual([['Иванов', 0.335], ['Петров', 0.665]]);
    // 30 % + 30 % = 60 % for Иванов
    expect(shares('Иванов 30%; Петров 40%; иванов 30%')).toEqual([['Иванов', 0.6], ['Петров', 0.4]]);
  });
  it('a negative share, a part without a share, or a sum other than 100 % is not read', () => {
    expect(parseSplit('Иванов -60%; Петров 40%')).toMatchObject({ ok: false, code: 'syntax' });
    expect(parseSplit('Иванов; Петров 40%')).toMatchObject({ ok: false, code: 'syntax' });
    // 70 % + 20 % = 90 %
    expect(parseSplit('Иванов 70%; Петров 20%')).toMatchObject({ ok: false, code: 'sum' });
    expect((parseSplit('Иванов 70%; Петров 20%') as { sum: { toNumber(): number } }).sum.toNumber()).toBe(0.9);
  });
  it('any names (with or without a trailing number) and whole shares adding up to 100 read back as written (property)', () => {
    const name = fc.tuple(fc.constantFrom('Иванов', 'Менеджер', 'Отдел продаж', 'Rep'), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
      .map(([n, k]) => (k === undefined ? n : `${n} ${k}`));
    const split = fc.uniqueArray(name, { minLength: 1, maxLength: 5, selector: (n) => n.toLowerCase() }).chain((names) =>
      fc.array(fc.integer({ min: 1, max: 100 }), { minLength: names.length, maxLength: names.length }).map((weights) => {
        // whole shares adding up to 100: the last takes the remainder, each at least 1
        const total = weights.reduce((a, b) => a + b, 0);
        const parts = weights.map((w) => Math.max(1, Math.floor((w * (100 - names.length)) / total)));
        parts[parts.length - 1] += 100 - parts.reduce((a, b) => a + b, 0);
        return names.map((n, i) => [n, parts[i]] as const);
      }));
    fc.assert(fc.property(split, (pairs) => {
      fc.pre(pairs.every(([, p]) => p > 0));
      const text = pairs.map(([n, p]) => `${n} ${p}%`).join('; ');
      expect(shares(text)).toEqual(pairs.map(([n, p]) => [n, p / 100]));
    }));
  });
});
