import { describe, expect, it } from 'vitest';
import { appsScriptGlobals, fakeSpreadsheet, formatDate } from '../harness/fakeSpreadsheetApp';

describe('the fake SpreadsheetApp is strict where Sheets is', () => {
  it('charts take axis titles in vAxes by index and refuse what embedded charts ignore (vAxis.title, unknown keys)', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [['a', 1]] } });
    const sheet = ss.getSheetByName('S')!;
    const builder = () => sheet.newChart().addRange(sheet.getRange('A1:B1'));
    expect(() => builder().setOption('vAxes', { 0: { title: 'Выплата, ₽' }, 1: { format: 'percent', title: '%' } })).not.toThrow();
    expect(() => builder().setOption('series', { 2: { type: 'line', targetAxisIndex: 1, color: '#c00000', lineWidth: 1, pointSize: 0 } })).not.toThrow();
    expect(() => builder().setOption('vAxis', { title: 'Выплата, ₽' })).toThrow(/vAxis/);
    expect(() => builder().setOption('vAxes', { 2: { title: 'x' } })).toThrow(/two vertical axes/);
    expect(() => builder().setOption('series', { 0: { targetAxis: 1 } })).toThrow(/targetAxis is unknown/);
    expect(() => builder().setOption('series', { 0: { type: 'dash' } })).toThrow(/type dash/);
  });

  it('setValues checks the 2-D shape and keeps indexes one-based', () => {
    const ss = fakeSpreadsheet({ sheets: { Deals: [['a', 'b']] } });
    const sheet = ss.getSheetByName('Deals')!;
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/number of rows in the data does not match/);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(/number of columns/);
    expect(() => sheet.getRange(0, 1)).toThrow(/too small/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 'b']]);
  });

  it('turns =, + and - text into formulas unless apostrophe-prefixed; numeric text into numbers', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [] } });
    const r = ss.getSheetByName('S')!.getRange(1, 1, 1, 5);
    r.setValues([['=HYPERLINK("http://x";"y")', "'=HYPERLINK(\"http://x\";\"y\")", '+7 900 123-45-67', '00123', "'00123"]]);
    expect(r.getFormulas()[0]).toEqual(['=HYPERLINK("http://x";"y")', '', '+7 900 123-45-67', '', '']);
    const v = r.getValues()[0];
    expect(v[1]).toBe('=HYPERLINK("http://x";"y")');
    expect(v[3]).toBe(123);
    expect(v[4]).toBe('00123');
    expect(String(v[0])).toMatch(/^#FORMULA /);
  });

  it('converts unprefixed text as Sheets does (percent, number, date, time, boolean); seeds are stored as Sheets shows them', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [["'=старый оклад", "'- основной процент", "'00123", 'plain']] } });
    const sheet = ss.getSheetByName('S')!;
    // the apostrophe the owner typed is never returned
    expect(sheet.getRange(1, 1, 1, 4).getValues()[0]).toEqual(['=старый оклад', '- основной процент', '00123', 'plain']);
    const r = sheet.getRange(2, 1, 1, 10);
    r.setValues([['3%', '1 250,50', 'TRUE', 'ложь', '22.11.2026', '10:50', '1/2', '- основной процент', "'3%", "'10:50"]]);
    const v = r.getValues()[0];
    expect(v.slice(0, 4)).toEqual([0.03, 1250.5, true, false]);
    const isDate = (x: unknown) => Object.prototype.toString.call(x) === '[object Date]';
    expect([v[4], v[5], v[6]].map(isDate)).toEqual([true, true, true]);
    // a typed date is midnight in the spreadsheet's zone (Moscow, UTC+3): 21:00 UTC the day before
    expect((v[4] as Date).toISOString()).toBe('2026-11-21T21:00:00.000Z');
    expect(formatDate(v[4] as Date, 'Europe/Moscow', 'yyyy-MM-dd')).toBe('2026-11-22');
    // a typed time is that wall time on 1899-12-30 in the zone
    expect(formatDate(v[5] as Date, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('1899-12-30 10:50:00');
    expect(String(v[7])).toMatch(/^#FORMULA /);
    expect(v.slice(8)).toEqual(['3%', '10:50']);
    expect((sheet as any)._numberFormatAt(2, 1)).toBe('0%');
  });

  it('insertRowsAfter / insertRowsBefore / deleteRows move values, formulas and formats with their rows', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [['a'], ['b'], ['c']] } });
    const sheet = ss.getSheetByName('S')! as any;
    sheet.getRange(3, 2).setFormula('=A1');
    sheet.getRange(3, 1).setNumberFormat('0%');
    sheet.insertRowsAfter(1, 2);
    expect(sheet._dump().map((r: unknown[]) => r[0])).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getRange(5, 2).getFormula()).toBe('=A1');
    expect(sheet._numberFormatAt(5, 1)).toBe('0%');
    sheet.deleteRows(2, 3);
    expect(sheet._dump().map((r: unknown[]) => r[0])).toEqual(['a', 'c']);
    expect(sheet.getRange(2, 2).getFormula()).toBe('=A1');
    sheet.insertRowsBefore(1, 1);
    expect(sheet._dump().map((r: unknown[]) => r[0])).toEqual(['', 'a', 'c']);
    expect(sheet.getRange(3, 2).getFormula()).toBe('=A1');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.deleteRows(1, 1000)).toThrow(/delete all the rows/);
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow(/out of bounds/);
  });

  it('enforces sheet-name rules and counts every call', () => {
    const ss = fakeSpreadsheet({ sheets: { Deals: [] } });
    ss.io.reset();
    expect(() => ss.insertSheet('deals')).toThrow(/already exists/);
    expect(() => ss.insertSheet('x'.repeat(101))).toThrow(/100 characters/);
    ss.insertSheet('New', 0);
    expect(ss._names()).toEqual(['New', 'Deals']);
    expect(ss.io.calls.insertSheet).toBe(3);
    expect(ss.io.total).toBe(3);
  });

  it('formats dates in the given zone (23:30 UTC on 31 Oct is 1 Nov in Moscow)', () => {
    const d = new Date(Date.UTC(2026, 9, 31, 23, 30));
    expect(formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd HH:mm')).toBe('2026-11-01 02:30');
    expect(formatDate(d, 'Etc/UTC', 'yyyy-MM-dd')).toBe('2026-10-31');
  });

  it('injects a failure on the nth call and scripts prompts', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [] } });
    ss.io.failOn('setValues', 2);
    const r = ss.getSheetByName('S')!.getRange(1, 1);
    r.setValues([[1]]);
    expect(() => r.setValues([[2]])).toThrow(/injected/);
    const g = appsScriptGlobals(ss);
    g.__env.ui._promptResponses.push({ text: '2026-10' });
    const ui = (g.SpreadsheetApp as { getUi(): { prompt(t: string): { getResponseText(): string } } }).getUi();
    expect(ui.prompt('period?').getResponseText()).toBe('2026-10');
  });

  it('keeps developer metadata per sheet, finds it across the spreadsheet, and drops it with the sheet', () => {
    const ss = fakeSpreadsheet({ sheets: { Deals: [] } });
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B');
    a.addDeveloperMetadata('kpiPayouts.tab', 'payout:2026-11:x');
    b.addDeveloperMetadata('kpiPayouts.tab', 'summary:2026-11');
    b.addDeveloperMetadata('other', 'v');
    const found = ss.createDeveloperMetadataFinder().withKey('kpiPayouts.tab').find();
    expect(found.map((m) => [m.getLocation().getSheet()!.getName(), m.getValue()])).toEqual([
      ['A', 'payout:2026-11:x'],
      ['B', 'summary:2026-11'],
    ]);
    ss.deleteSheet(a);
    expect(ss.createDeveloperMetadataFinder().withKey('kpiPayouts.tab').find()).toHaveLength(1);
  });

  it('grows and trims sheets, applies formats through range lists, and refuses to delete every row', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [] } });
    const s = ss.getSheetByName('S')!;
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    s.insertRowsAfter(1000, 500);
    expect(() => s.getRange(1500, 1)).not.toThrow();
    s.deleteRows(11, 1490);
    expect(s.getMaxRows()).toBe(10);
    expect(() => s.deleteRows(1, 10)).toThrow(/all the rows/);
    s.getRangeList(['A1:B2', 'D4']).setNumberFormat('0.00%');
    expect(s._numberFormatAt(2, 2)).toBe('0.00%');
    expect(s._numberFormatAt(4, 4)).toBe('0.00%');
    expect(s._numberFormatAt(3, 3)).toBe('General');
  });

  it('Utilities, Session, properties and the lock behave like Apps Script', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [] }, timeZone: 'Asia/Tokyo', locale: 'en_US' });
    const g = appsScriptGlobals(ss, { userLocale: 'en', userEmail: 'rep@example.com' }) as Record<string, any>;
    expect(g.Session.getActiveUser().getEmail()).toBe('rep@example.com');
    expect(g.Utilities.formatDate(new Date(Date.UTC(2026, 0, 1, 16)), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm')).toBe('2026-01-02 01:00');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(g.__env.documentProperties.getProperty('k')).toBe('v');
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    lock.releaseLock();
    g.__env.lock._heldByOther = true;
    expect(() => lock.waitLock(1000)).toThrow(/Lock timeout/);
    expect(g.__env.lock._log).toEqual(['acquired', 'released', 'tryLock:failed']);
  });
});
