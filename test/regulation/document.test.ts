/**
 * The regulation's document model (SPEC §13) from the pure core: every rule's numbers in words,
 * worked examples that are the engine's own payouts, the Simulate evidence, the version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import fc from 'fast-check';
import { formatMoney, formatPercent } from '../../src/core/money';
import { computePayouts } from '../../src/core/payout';
import { buildRegulation } from '../../src/core/regulation/build';
import { evidenceWindow } from '../../src/core/regulation/evidence';
import { limitShareOf, simulateSchemes } from '../../src/core/simulate';
import { schemeKey } from '../../src/core/schemes';
import type { WorkbookRead } from '../../src/workbook/read';
import { input, period, plan, RU, templateRows } from '../core/engine/builders';
import { demoRead, docText, plainSpaces, SCHEMES, tables, TEMPLATE_NUMBERS } from './demo';

let read: WorkbookRead;
beforeAll(async () => {
  read = await demoRead();
}, 60_000);

const build = (scheme: string, lang: 'ru' | 'en' = 'ru', periodText?: string) =>
  buildRegulation(read.input, { scheme, period: periodText ?? null, lang, currency: read.currency });

describe('the regulation of each seed template on the demo workbook', () => {
  for (const id of ['seed001', 'seed002', 'seed003'] as const) {
    for (const lang of ['ru', 'en'] as const) {
      it(`${id} (${lang}): every rule's numbers, in numbered sections`, () => {
        const doc = build(SCHEMES[id], lang);
        const text = docText(doc);
        for (const phrase of TEMPLATE_NUMBERS[id][lang]) expect(text).toContain(phrase);
        expect(doc.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        for (const s of doc.sections) {
          const clauses = s.blocks.filter((b) => b.kind === 'clause').map((b) => (b as { number: string }).number);
          expect(clauses).toEqual(clauses.map((_, i) => `${s.number}.${i + 1}.`));
        }
        // no engineering words, no field names
        expect(text).not.toMatch(/\bmetric|\bfact\b|JSON|rule kind|[a-z]_[a-z]|метрик|правило/i);
      });
    }

    it(`${id}: the latest Plans period, its managers in scope and on the acknowledgement sheet`, () => {
      const doc = build(SCHEMES[id]);
      // make-demo: Plans 2025-11 … 2026-10; seed001 = Иванов, Петрова, Сидоров, Кузнецова; seed002 = Смирнов, Волкова, Морозов; seed003 = the other three
      expect(doc.period).toBe('2026-10');
      expect(doc.effectiveDate).toBe('2026-10-01');
      const expected = { seed001: ['Иванов Алексей', 'Петрова Мария', 'Сидоров Дмитрий', 'Кузнецова Ольга'], seed002: ['Смирнов Игорь', 'Волкова Анна', 'Морозов Павел'], seed003: ['Лебедева Елена', 'Новиков Сергей', 'Фёдорова Татьяна'] }[id];
      expect(doc.managers).toEqual(expected);
      const ack = tables(doc).at(-1)!;
      expect(ack.header).toEqual(['№', 'Работник', 'Дата', 'Подпись']);
      expect(ack.rows.slice(0, expected.length).map((r) => r[1])).toEqual(expected);
      expect(docText(doc)).toContain(`Расчётном периоде 2026-10: ${expected.join(', ')}.`);
    });

    it(`${id}: the worked examples are the engine's payouts at 80 %, 100 %, 120 % of the typical plan`, () => {
      const doc = build(SCHEMES[id]);
      expect(doc.examples.map((e) => e.share.toNumber())).toEqual([0.8, 1, 1.2]);
      const examples = tables(doc).find((t) => t.header[1] === '80 % плана')!;
      const totalRow = examples.rows.find((r) => r[0] === 'Итого вознаграждение за Расчётный период')!;
      doc.examples.forEach((e, i) => {
        // paid again, independently of the document, on the example's own input
        const again = computePayouts(e.input, period(doc.period), RU).managers[0];
        expect(e.payout?.total.toString()).toBe(again.total.toString());
        const shown = plainSpaces(formatMoney(again.total, 'ru', 'RUB')).replace(/,00 ₽$/, ' ₽');
        expect(totalRow[i + 1]).toBe(shown);
      });
      // more results never pay less
      const totals = doc.examples.map((e) => e.payout!.total);
      expect(totals[1].greaterThanOrEqualTo(totals[0]) && totals[2].greaterThanOrEqualTo(totals[1])).toBe(true);
    });

    it(`${id}: the evidence is Simulate's over the last 12 months for the managers on the scheme`, () => {
      const doc = build(SCHEMES[id]);
      const window = evidenceWindow(read.input, period('2026-10'));
      expect(window.map((p) => `${p.year}-${String((p as { month: number }).month).padStart(2, '0')}`)).toEqual([
        '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
      const sim = simulateSchemes(read.input, { schemes: [SCHEMES[id]], periods: window, managers: doc.managers }, RU, (s) => limitShareOf(read.input, s, RU.lang));
      const cells = sim.periods.flatMap((p) => p.cells);
      expect(cells.length).toBe(12 * doc.managers.length);
      const text = docText(doc);
      expect(text).toContain(`всего ${cells.length} расчётов`);
      const met = cells.filter((c) => c.attainment !== null && c.attainment.greaterThanOrEqualTo(1)).length;
      expect(text).toContain(`в ${met} из ${cells.filter((c) => c.attainment !== null).length} расчётов`);
      const totals = cells.map((c) => c.total).sort((a, b) => a.comparedTo(b));
      expect(text).toContain(`от ${plainSpaces(formatMoney(totals[0], 'ru', 'RUB'))} до ${plainSpaces(formatMoney(totals.at(-1)!, 'ru', 'RUB'))}`);
      const reach = tables(doc).find((t) => t.header[0] === 'Составляющая')!;
      for (const r of sim.reach) expect(reach.rows.some((row) => row[2] === String(r.count))).toBe(true);
      if (id === 'seed003') {
        // the limit's cuts counted independently: each manager and month paid by the whole engine
        let cut = 0;
        for (const p of window) for (const m of doc.managers) {
          const run = computePayouts(read.input, p, { ...RU, schemeOverride: SCHEMES[id], managers: [m] });
          if (run.managers[0]?.lines.some((l) => l.rule === 'limit' && l.amount.isNegative())) cut += 1;
        }
        expect(reach.rows.find((r) => r[0] === 'Ограничение')).toEqual(['Ограничение', 'Переменная часть уменьшена', String(cut), plainSpaces(formatPercent(dec(cut).dividedBy(cells.length), 'ru'))]);
        expect(reach.rows.find((r) => r[0] === 'Порог KPI')?.[1]).toBe('Переменная часть не начислена');
      }
    });
  }

  it('a period given explicitly takes that period’s managers and plans', () => {
    const doc = build(SCHEMES.seed001, 'ru', '2026-03');
    expect(doc.period).toBe('2026-03');
    expect(doc.effectiveDate).toBe('2026-03-01');
    expect(docText(doc)).toContain('на 2026-03:');
  });

  it('an unknown scheme, a bad period, no Plans row: one translated line naming the choices', () => {
    expect(() => build('Нет такой')).toThrow(/нет схемы «Нет такой» \(есть: Оклад \+ % \+ бонусы, Партнёрская схема, Оплаты × KPI\)/);
    expect(() => build(SCHEMES.seed001, 'ru', '2026-13')).toThrow(/Не удалось прочитать период «2026-13»/);
    const noPlans = { ...read.input, plans: [] };
    expect(() => buildRegulation(noPlans, { scheme: SCHEMES.seed001, lang: 'ru', currency: 'RUB' })).toThrow(/Ни одна строка листа «Планы» не называет схему/);
  });
});

describe('the typical plan, worked by hand (seed 001, no deals history)', () => {
  // Plans 2026-10: A revenue 1 000 000, deals 10; B revenue 1 200 000, deals 6 → median 1 100 000 and 8 deals.
  const wb = input({
    deals: [],
    plans: [plan(2, '2026-10', 'A', 'Базовая', { revenue: 1_000_000, deals: 10 }), plan(3, '2026-10', 'B', 'Базовая', { revenue: 1_200_000, deals: 6 })],
    schemeRows: templateRows('seed001', 'Базовая'),
  });
  const doc = buildRegulation(wb, { scheme: 'базовая', lang: 'ru', currency: 'RUB' });

  it('pays 30 000 + 3 % × revenue + 20 000 at plan + 2 000 per deal over 5', () => {
    // 80 %:  revenue   880 000, deals floor(6.4) = 6: 30 000 + 26 400 + 0      + 1 × 2 000 = 58 400
    // 100 %: revenue 1 100 000, deals 8:              30 000 + 33 000 + 20 000 + 3 × 2 000 = 89 000
    // 120 %: revenue 1 320 000, deals floor(9.6) = 9: 30 000 + 39 600 + 20 000 + 4 × 2 000 = 97 600
    expect(doc.examples.map((e) => e.payout!.total.toNumber())).toEqual([58_400, 89_000, 97_600]);
    const t = tables(doc).find((x) => x.header[1] === '80 % плана')!;
    expect(t.rows).toEqual([
      ['Выручка (фактически)', '880 000 ₽', '1 100 000 ₽', '1 320 000 ₽'],
      ['Количество сделок (фактически)', '6', '8', '9'],
      ['Оклад', '30 000 ₽', '30 000 ₽', '30 000 ₽'],
      ['Процент от Выручки', '26 400 ₽', '33 000 ₽', '39 600 ₽'],
      ['Премия за выполнение Плана по Выручке', '0 ₽', '20 000 ₽', '20 000 ₽'],
      ['Премия за сделки', '2 000 ₽', '6 000 ₽', '8 000 ₽'],
      ['Переменная часть', '28 400 ₽', '59 000 ₽', '67 600 ₽'],
      ['Итого вознаграждение за Расчётный период', '58 400 ₽', '89 000 ₽', '97 600 ₽'],
    ]);
    expect(docText(doc)).toContain('медиане Планов Работников по этой схеме на 2026-10: Выручка 1 100 000 ₽, Количество сделок 8');
  });

  it('without any deals the evidence section says so instead of inventing numbers', () => {
    expect(docText(doc)).toContain('6.1. Данных за двенадцать месяцев до 2026-10 у Работодателя нет');
  });
});

describe('the version', () => {
  const wbOf = (rows: ReturnType<typeof templateRows>) => input({ deals: [], plans: [plan(2, '2026-10', 'A', 'Базовая', { revenue: 1_000_000 })], schemeRows: rows });
  const versionOf = (rows: ReturnType<typeof templateRows>) => buildRegulation(wbOf(rows), { scheme: 'Базовая', lang: 'ru', currency: 'RUB' });

  it('changes with any pay condition, and the text with it', () => {
    const base = versionOf(templateRows('seed001', 'Базовая'));
    const rows = templateRows('seed001', 'Базовая');
    rows[1] = { ...rows[1], rate: '4%' };
    const changed = versionOf(rows);
    expect(base.version).toMatch(/^[0-9a-f]{8}$/);
    expect(changed.version).not.toBe(base.version);
    expect(docText(changed)).toContain('4 % от Выручки');
    expect(docText(base)).toContain('3 % от Выручки');
    expect(docText(changed)).toContain(`Редакция ${changed.version}`);
    // the bonus threshold too
    const rows2 = templateRows('seed001', 'Базовая');
    rows2[2] = { ...rows2[2], threshold: '90%' };
    expect(versionOf(rows2).version).not.toBe(base.version);
  });

  it('does not change with a comment or the rows’ position in the sheet', () => {
    const base = versionOf(templateRows('seed001', 'Базовая'));
    const moved = templateRows('seed001', 'Базовая', 40).map((r) => ({ ...r, comment: 'другой комментарий' }));
    expect(versionOf(moved).version).toBe(base.version);
    expect(schemeKey(' базовая ')).toBe(schemeKey('Базовая'));
  });

  it('two different rates never share a version, and each is written as set (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
      fc.pre(a !== b);
      const at = (tenths: number) => {
        const rows = templateRows('seed001', 'Базовая');
        rows[1] = { ...rows[1], rate: `${tenths / 10}%` };
        return versionOf(rows);
      };
      const [x, y] = [at(a), at(b)];
      expect(x.version).not.toBe(y.version);
      expect(docText(x)).toContain(`Процент от Выручки: ${plainSpaces(formatPercent(dec(a).dividedBy(1000), 'ru'))} от Выручки`);
    }), { numRuns: 25 });
  });
});
