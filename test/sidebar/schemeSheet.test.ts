import fc from 'fast-check';
import { fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { describe, expect, it } from 'vitest';
import { emptyDraft, listSchemeNames, readSchemeDrafts, schemeRowsPlan, schemeSheetLayout, sheetCell, writeSchemeRows } from '../../src/workbook/schemeSheet';
import { textToTiers, tiersToText } from '../../src/sidebar/ruleForm';
import { SCHEME_HEADERS, SCHEME_COLUMNS, SCHEME_TEMPLATES, type RuleDraft } from '../../src/core/templates';

const EN_HEADER = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.en[c]);
const RU_HEADER = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]);
const seed001 = SCHEME_TEMPLATES.find((t) => t.id === 'seed001')!;

describe('writeSchemeRows: a new sheet', () => {
  it('an empty sheet gets the header row in the spreadsheet language (ru) and rule words in Russian', () => {
    const out = writeSchemeRows([], 'Оклад + %', seed001.rules, 'ru');
    expect(out.values[0]).toEqual(RU_HEADER);
    expect(out.values.length).toBe(1 + seed001.rules.length);
    // seed 001: salary 30000 → `оклад`, 30000 as a number
    expect(out.values[1].slice(0, 5)).toEqual(['Оклад + %', 'оклад', '', '', 30000]);
    // percent of revenue at 3 % → `процент`, metric `выручка`, rate 0.03 (written with a percent format, as Sheets makes a typed `3%`)
    expect(out.values[2].slice(0, 4)).toEqual(['Оклад + %', 'процент', 'выручка', 0.03]);
    expect(out.values[3][1]).toBe('бонус за план');
    expect(out.values[4][1]).toBe('бонус за сделки');
    expect(out.values[4][5]).toBe(5); // threshold: 5 deals
    expect(out.lang).toBe('ru');
  });

  it('headers and words in English for an English spreadsheet', () => {
    const out = writeSchemeRows([], 'S', [{ ...emptyDraft('tiers'), metric: 'revenue', tiers: '0%:3%; 100%:5%', mode: 'marginal' }], 'en');
    expect(out.values[0]).toEqual(EN_HEADER);
    // the tier table with a leading ' : Sheets keeps it as text (and drops the ')
    expect(out.values[1]).toEqual(['S', 'tiers', 'revenue', '', '', '', "'0%:3%; 100%:5%", 'marginal', '', '', '']);
  });
});

describe('writeSchemeRows: an existing sheet', () => {
  // The owner's sheet: Russian headers, an extra column "Кто менял" at the right, two schemes with
  // a note row between them, and scheme A's rows interleaved with B's.
  const header = [...RU_HEADER, 'Кто менял'];
  const pad = (cells: unknown[]) => [...cells, ...Array(header.length - cells.length).fill('')];
  const existing = [
    header,
    pad(['A', 'оклад', '', '', 10000, '', '', '', '', '', 'старый оклад', 'Иван']),
    pad(['B', 'оклад', '', '', 20000]),
    pad(['', 'Заметка: B действует с марта']),
    pad(['a ', 'процент', 'выручка', 0.02, '', '', '', '', '', '', '', 'Пётр']),
    pad(['B', 'процент', 'маржа', '10%']),
  ];

  it('replaces only A in its own rows: no row moves, B rows, the note row and the extra column stay; a third rule takes the first free row below', () => {
    const drafts: RuleDraft[] = [
      { ...emptyDraft('salary'), amount: '15000', comment: 'Небольшой оклад' },
      { ...emptyDraft('percent'), metric: 'margin', rate: '5%' },
      { ...emptyDraft('new_client_bonus'), amount: '3000' },
    ];
    const out = writeSchemeRows(existing, 'A', drafts, 'en');
    // sheet language wins over the spreadsheet's: headers are Russian, so words are Russian
    expect(out.lang).toBe('ru');
    expect(out.values.map((r) => [r[0], r[1]])).toEqual([
      ['схема', 'правило'],
      ['A', 'оклад'],
      ['B', 'оклад'],
      ['', 'Заметка: B действует с марта'],
      ['A', 'процент'],
      ['B', 'процент'],
      ['A', 'бонус за клиента'],
    ]);
    // the extra column is never written: Иван and Пётр stay on their rows
    expect(out.values.map((r) => r[11])).toEqual(['Кто менял', 'Иван', '', '', 'Пётр', '', '']);
    expect(out.values[1][10]).toBe('Небольшой оклад');
    expect(out.values[4][2]).toBe('маржа');
    // B and the note untouched, cell for cell, on their rows
    expect(out.values[2]).toEqual(existing[2]);
    expect(out.values[3]).toEqual(existing[3]);
    expect(out.values[5]).toEqual(existing[5]);
    expect(out.previousRows).toBe(6);
    expect(out.values.every((r) => r.length === header.length)).toBe(true);
  });

  it('a scheme with fewer rules leaves its surplus row blank in the Schemes columns (no row is deleted)', () => {
    const out = writeSchemeRows(existing, 'A', [{ ...emptyDraft('salary'), amount: '1' }], 'ru');
    expect(out.values.length).toBe(6);
    expect(out.values[4].slice(0, 11).every((c) => c === '')).toBe(true);
    expect(out.values[4][11]).toBe('Пётр'); // not a Schemes column: kept
  });

  it('an empty draft list clears the scheme’s cells, rows stay', () => {
    const out = writeSchemeRows(existing, 'A', [], 'ru');
    expect(out.values.map((r) => r[0])).toEqual(['схема', '', 'B', '', '', 'B']);
  });

  it('a new scheme goes after the last used row', () => {
    const out = writeSchemeRows([...existing, pad([]), pad([])], 'C', [{ ...emptyDraft('salary'), amount: '5' }], 'ru');
    expect(out.values.map((r) => r[0])).toEqual(['схема', 'A', 'B', '', 'a ', 'B', 'C']);
  });

  it('a header missing from the owner’s sheet is added at the right', () => {
    // `changed by` is no Schemes column (a `note` column would be read as the comment column, as the reader does)
    const short = [['scheme', 'rule', 'amount', 'changed by'], ['X', 'salary', 100, 'keep']];
    const out = writeSchemeRows(short, 'Y', [{ ...emptyDraft('percent'), metric: 'revenue', rate: '5%' }], 'en');
    expect(out.values[0]).toEqual(['scheme', 'rule', 'amount', 'changed by', 'metric', 'rate', 'threshold', 'tiers', 'mode', 'cap', 'months', 'comment']);
    expect(out.values[1].slice(0, 4)).toEqual(['X', 'salary', 100, 'keep']);
    expect(out.values[2][0]).toBe('Y');
    expect(out.values[2][5]).toBe(0.05); // with a percent format
  });

  it('text that Sheets would read as a formula is written as text', () => {
    const out = writeSchemeRows([], '=HYPERLINK("x")', [{ ...emptyDraft('salary'), amount: '100', comment: '+7 900 000' }], 'en');
    expect(out.values[1][0]).toBe(`'=HYPERLINK("x")`);
    expect(out.values[1][10]).toBe(`'+7 900 000`);
    expect(sheetCell('amount', '-5000')).toBe(-5000); // a negative number stays a number
    expect(sheetCell('rate', '-3%')).toBe(`'-3%`);
    // text Sheets would read as a number, a date or a time stays text
    expect(sheetCell('scheme', '2026')).toBe(`'2026`);
    expect(sheetCell('comment', '01.03.2026')).toBe(`'01.03.2026`);
    expect(sheetCell('tiers', '10:50')).toBe(`'10:50`);
    expect(sheetCell('comment', 'Небольшой оклад')).toBe('Небольшой оклад');
  });
});

describe('reading drafts back', () => {
  it('round trip: what is written reads back as the same drafts (canonical words)', () => {
    for (const template of SCHEME_TEMPLATES) {
      for (const lang of ['ru', 'en'] as const) {
        const out = writeSchemeRows([], template.name[lang], template.rules, lang);
        // What Sheets stores: a leading ' is dropped (it only says "keep as text").
        const stored = out.values.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)));
        // and a percent is the number with a percent format, as Sheets stores a typed `3%`
        const plan = schemeRowsPlan([], template.name[lang], template.rules, lang);
        const formats = plan.writes[0].formats.map((r) => r.map((f) => f ?? 'General'));
        const back = readSchemeDrafts(stored, template.name[lang], lang, undefined, formats);
        // numbers come back as their plain text ('30000'), percents as typed ('3%'), modes canonical
        expect(back).toEqual(template.rules.map((d) => ({ ...d, mode: d.mode })));
      }
    }
  });

  it('lists scheme names once each, matched ignoring case and spaces', () => {
    const values = [EN_HEADER, ['A', 'salary'], ['B', 'salary'], [' a ', 'percent'], ['', ''], ['B', 'kpi']];
    expect(listSchemeNames(values, 'en')).toEqual(['A', 'B']);
    expect(readSchemeDrafts(values, 'a', 'en').map((d) => d.rule)).toEqual(['salary', 'percent']);
  });

  it('a number cell (Sheets turns 3% into 0.03) reads back without float noise', () => {
    const values = [EN_HEADER, ['A', 'percent', 'Выручка', 0.1 + 0.2, '', '', '', '', '', '', '']];
    const [d] = readSchemeDrafts(values, 'A', 'en');
    expect(d.rate).toBe('0.3'); // 0.1 + 0.2 = 0.30000000000000004 in floats; dec() reads the shortest form
    expect(d.metric).toBe('revenue');
  });

  it('reads a sheet whose headers are synonyms the reader knows (тип, вес, цель, примечание)', () => {
    const values = [['Схема', 'Тип', 'Показатель', 'Вес', 'Цель', 'Примечание'], ['K', 'KPI', 'Конверсия', 0.4, 0.3, 'конверсия']];
    const [d] = readSchemeDrafts(values, 'k', 'en');
    expect(d).toMatchObject({ rule: 'kpi', metric: 'conversion', rate: '0.4', threshold: '0.3', comment: 'конверсия' });
  });

  it('finds the header row below a title row', () => {
    const values = [['Схемы мотивации 2026'], RU_HEADER, ['A', 'оклад']];
    expect(schemeSheetLayout(values, 'en')?.headerRow).toBe(1);
    expect(schemeSheetLayout(values, 'en')?.lang).toBe('ru');
  });
});

describe('tier rows ⇄ tier text', () => {
  it('serialises rows as `threshold:value; …`, skipping blank rows', () => {
    expect(tiersToText([{ threshold: '0%', value: '3%' }, { threshold: '', value: '' }, { threshold: '100%', value: '5%' }])).toBe('0%:3%; 100%:5%');
    expect(textToTiers('0:5%; 12:3%; 24:2%')).toEqual([
      { threshold: '0', value: '5%' },
      { threshold: '12', value: '3%' },
      { threshold: '24', value: '2%' },
    ]);
    expect(textToTiers('0,5:2,5%; 1:5%')).toEqual([{ threshold: '0,5', value: '2,5%' }, { threshold: '1', value: '5%' }]);
  });

  it('property: rows → text → rows is the identity for non-blank rows', () => {
    const side = fc.stringMatching(/^[0-9]{1,4}(,[0-9]{1,2})?%?$/);
    fc.assert(
      fc.property(fc.array(fc.record({ threshold: side, value: side }), { maxLength: 6 }), (rows) => {
        expect(textToTiers(tiersToText(rows))).toEqual(rows);
      }),
    );
  });

  it('property: writing a scheme never changes another scheme’s rows', () => {
    const names = fc.constantFrom('A', 'B', 'C', '');
    const row = fc.tuple(names, fc.constantFrom('salary', 'percent', 'kpi'), fc.integer({ min: 0, max: 9999 }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (rows, n) => {
        const existing = [EN_HEADER, ...rows.map(([s, r, a]) => [s, r, '', '', a, '', '', '', '', '', ''])];
        const out = writeSchemeRows(existing, 'A', Array.from({ length: n }, () => ({ ...emptyDraft('salary'), amount: '1' })), 'en');
        const others = (v: unknown[][]) => v.slice(1).filter((r) => r[0] !== 'A' && r.some((c) => c !== ''));
        expect(others(out.values)).toEqual(others(existing));
        expect(out.values.slice(1).filter((r) => r[0] === 'A').length).toBe(n);
      }),
    );
  });
});

describe('text survives Sheets’ setValues', () => {
  it('property: any scheme name or comment written through the fake (strict like Sheets) reads back as typed, never as a formula', () => {
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('=HYPERLINK("x")', '+7 900 123-45-67', '-5', '@me', '2026', '12,5', 'true', '00123', '1e5'),
    ).filter((t) => t.trim() !== '' && t.trim() === t);
    fc.assert(
      fc.property(text, text, (name, comment) => {
        const ss = fakeSpreadsheet({ sheets: { S: [] } });
        const sheet = (ss as any)._sheet('S');
        const out = writeSchemeRows([], name, [{ ...emptyDraft('salary'), amount: '1', comment }], 'en');
        sheet.getRange(1, 1, out.values.length, out.values[0].length).setValues(out.values);
        const back = sheet._values as unknown[][];
        expect(sheet._formulas.size).toBe(0);
        expect(back[1][0]).toBe(name.replace(/\s+/g, ' '));
        expect(back[1][10]).toBe(comment);
      }),
      { numRuns: 300 },
    );
  });
});

describe('schemeRowsPlan: only the scheme’s own cells', () => {
  it('a new sheet: header and rules in one block; a percent as its number with a percent format', () => {
    const plan = schemeRowsPlan([], 'S', [{ ...emptyDraft('percent'), metric: 'revenue', rate: '4.5%' }], 'en');
    expect(plan).toMatchObject({ headerless: false, height: 2 });
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ row: 1, col: 1 });
    expect(plan.writes[0].values[0]).toEqual(EN_HEADER);
    expect(plan.writes[0].values[1].slice(0, 4)).toEqual(['S', 'percent', 'revenue', 0.045]);
    expect(plan.writes[0].formats[1][3]).toBe('0.0%');
  });

  it('an owner’s sheet: the scheme’s own rows only — the first takes the rule, the others are blanked; Notes and B never written', () => {
    const header = ['scheme', 'rule', 'Notes', 'amount'];
    const existing = [header, ['A', 'salary', 'n1', 1], ['A', 'salary', '', 2], ['B', 'salary', '- x', 3], ['A', 'salary', '', 4], ['A', 'salary', '', 5]];
    const plan = schemeRowsPlan(existing, 'a', [{ ...emptyDraft('salary'), amount: '7' }], 'en');
    expect(plan.headerless).toBe(false);
    // the headers the owner lacks (columns 5–12); row 2 (the rule) and rows 3, 5–6 (blanked): columns 1–2 and 4–12, never 3 (Notes), never row 4 (B)
    expect(plan.writes.map((w) => [w.row, w.col, w.values.length, w.values[0].length])).toEqual([
      [1, 5, 1, 8], [2, 1, 2, 2], [2, 4, 2, 9], [5, 1, 2, 2], [5, 4, 2, 9],
    ]);
    expect(plan.writes[1].values).toEqual([['a', 'salary'], ['', '']]);
  });

  it('a sheet with content but no Schemes header is refused, not guessed at', () => {
    expect(schemeRowsPlan([['что-то'], ['ещё']], 'A', [{ ...emptyDraft('salary'), amount: '1' }], 'ru').headerless).toBe(true);
  });
});
