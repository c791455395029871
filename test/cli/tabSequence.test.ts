/**
 * Issue 11: `--out` makes the tabs one at a time (pipeline `eachTab`), writing each before the
 * next is made, so a million deals' statements are never all held. The sequence must be the
 * very tabs `tabs` gives (the closed period's register tab included), and the package written
 * from it the very bytes written from the array — a rerun on that package included (the
 * sequence names its periods up front, so the previous run's sheets are found and replaced).
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { emptyPackage, writeWorkbook } from '../../src/cli/xlsxWrite';
import { openPackage } from '../../src/cli/xlsxPackage';
import { scaleWorkbook } from '../sheets/scaleWorkbook';
import { closeInMemory, ledgerWorkbook, OCTOBER } from '../ledger/fixture';

const opts = { currency: 'RUB', lang: 'ru' as const };

describe('eachTab: the tabs one at a time', () => {
  it('is the same tabs as `tabs`, in order, with the period known before the first is made', () => {
    // 3 managers × 300 deals: a summary and three statements of 100 deals each (90 won, 10 lost)
    const raw = () => scaleWorkbook({ managers: 3, deals: 300 });
    const seq = runPayouts(raw(), { period: '2026-11', today: '2026-12-01' }).eachTab!();
    expect(seq.periods).toEqual(['2026-11']);
    const fromSeq = [...seq];
    const fromArray = runPayouts(raw(), { period: '2026-11', today: '2026-12-01' }).tabs;
    expect(fromSeq.map((t) => t.name)).toEqual(['Выплаты · 2026-11', 'Менеджер 001 · 2026-11', 'Менеджер 002 · 2026-11', 'Менеджер 003 · 2026-11']);
    expect(JSON.stringify(fromSeq)).toBe(JSON.stringify(fromArray));
  });

  it('a closed period: the register tab comes last, as in `tabs`', () => {
    const { w } = closeInMemory(OCTOBER, '2026-10');
    const result = () => runPayouts(ledgerWorkbook(w), { period: '2026-10', today: '2027-06-01' });
    const fromSeq = [...result().eachTab!()];
    const fromArray = result().tabs;
    expect(fromSeq.map((t) => t.kind)).toEqual(['summary', 'manager', 'manager', 'register']);
    expect(JSON.stringify(fromSeq)).toBe(JSON.stringify(fromArray));
  });

  it('once `tabs` is made, the sequence gives those tabs (nothing is made twice)', () => {
    const r = runPayouts(scaleWorkbook({ managers: 2, deals: 20 }), { period: '2026-11', today: '2026-12-01' });
    const tabs = r.tabs;
    expect([...r.eachTab!()]).toEqual(tabs);
    expect([...r.eachTab!()][1]).toBe(tabs[1]);
  });

  it('writes the same package bytes as the array, first run and rerun', () => {
    const raw = () => scaleWorkbook({ managers: 3, deals: 300 });
    const run = () => runPayouts(raw(), { period: '2026-11', today: '2026-12-01' });
    const first = writeWorkbook(emptyPackage(), run().tabs, opts);
    const firstSeq = writeWorkbook(emptyPackage(), run().eachTab!(), opts);
    expect(Buffer.compare(firstSeq.bytes, first.bytes)).toBe(0);
    // the rerun on its own output replaces the four sheets of 2026-11 (no «(2)» names)
    const again = writeWorkbook(openPackage(first.bytes), run().tabs, opts);
    const againSeq = writeWorkbook(openPackage(first.bytes), run().eachTab!(), opts);
    expect(againSeq.sheetNames).toEqual(['Выплаты · 2026-11', 'Менеджер 001 · 2026-11', 'Менеджер 002 · 2026-11', 'Менеджер 003 · 2026-11']);
    expect(openPackage(againSeq.bytes).sheets.map((s) => s.name)).toEqual(againSeq.sheetNames);
    expect(Buffer.compare(againSeq.bytes, again.bytes)).toBe(0);
  });
});
