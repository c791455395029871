/**
 * `kpi-payouts WB.xlsx --regulation "<scheme>" --out FILE.docx` (SPEC §13): the .docx read back
 * (word/document.xml) holds every rule's numbers, numbered sections as headings, and the worked
 * examples the engine pays; LibreOffice converts it to PDF (required under CI=true).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/money';
import { runRegulationCommand } from '../../src/cli/regulation';
import { regulationOfRead } from '../../src/workbook/regulation';
import type { WorkbookRead } from '../../src/workbook/read';
import { DEMO, demoRead, plainSpaces, SCHEMES, TEMPLATE_NUMBERS } from './demo';

let dir: string;
let read: WorkbookRead;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-regulation-'));
  read = await demoRead();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function command(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRegulationCommand(args, {
    stdout: (t) => void (out += t), stderr: (t) => void (err += t), now: () => new Date('2026-11-30T10:00:00Z'),
    env: { TZ: 'Europe/Moscow', LANG: 'ru_RU.UTF-8' }, cwd: process.cwd(),
  });
  return { code, out, err };
}

const xmlText = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document's lines: each paragraph outside tables, each table row as its cells joined by ` | `. */
export async function docxLines(file: string): Promise<{ lines: string[]; xml: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const lines: string[] = [];
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    for (const row of table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
      lines.push((row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => xmlText(c)).join(' | '));
    }
    return '';
  });
  for (const p of body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) lines.push(xmlText(p));
  return { lines: lines.map(plainSpaces), xml };
}

describe('the .docx of each seed template', () => {
  for (const id of ['seed001', 'seed002', 'seed003'] as const) {
    it(`${id}: headings, numbered clauses, every rule's numbers, the engine's examples`, async () => {
      const file = join(dir, `${id}.docx`);
      const r = await command([DEMO, '--regulation', SCHEMES[id], '--out', file]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const doc = regulationOfRead(read, { scheme: SCHEMES[id] });
      expect(r.out).toBe(`Положение «${SCHEMES[id]}» (период 2026-10, редакция ${doc.version}) записано в ${file}\n`);

      const { lines, xml } = await docxLines(file);
      const text = lines.join('\n');
      for (const phrase of TEMPLATE_NUMBERS[id].ru) expect(text).toContain(phrase);
      expect(lines).toContain('ПОЛОЖЕНИЕ О МОТИВАЦИИ');
      expect(lines).toContain(`Редакция ${doc.version} · вводится в действие с 01.10.2026`);
      // eight numbered sections as Word headings, clauses numbered within them
      expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(8);
      for (const title of ['1. Общие положения', '3. Состав вознаграждения', '5. Примеры расчёта', '6. Обоснование достижимости плана', '8. Лист ознакомления']) expect(lines).toContain(title);
      expect(lines.some((l) => l.startsWith('3.2. Оклад: '))).toBe(true);
      // the examples' totals are the engine's payouts of the document model
      const totalRow = lines.find((l) => l.startsWith('Итого вознаграждение за Расчётный период | '))!;
      const shown = doc.examples.map((e) => plainSpaces(formatMoney(e.payout!.total, 'ru', 'RUB')).replace(/,00 ₽$/, ' ₽'));
      expect(totalRow).toBe(['Итого вознаграждение за Расчётный период', ...shown].join(' | '));
      // the acknowledgement table lists the managers on the scheme
      for (const [i, m] of doc.managers.entries()) expect(lines).toContain(`${i + 1} | ${m} |  | `);
    }, 60_000);
  }

  it('refuses without --out or with another extension, and names an unknown scheme', async () => {
    expect(await command([DEMO, '--regulation', SCHEMES.seed001])).toMatchObject({ code: 2, err: 'Укажите, куда записать документ: --out ФАЙЛ.docx\n' });
    expect((await command([DEMO, '--regulation', SCHEMES.seed001, '--out', join(dir, 'x.xlsx')])).code).toBe(2);
    const r = await command([DEMO, '--regulation', 'Нет такой', '--out', join(dir, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("На листе «Схемы» нет схемы «Нет такой» (есть: Оклад + % + бонусы, Партнёрская схема, Оплаты × KPI).\n");
  });

  it('the built command dispatches --regulation (bin/kpi-payouts.js)', () => {
    const file = join(dir, 'bin.docx');
    const out = execFileSync(process.execPath, ['bin/kpi-payouts.js', DEMO, '--regulation', SCHEMES.seed002, '--period', '2026-09', '--out', file], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Moscow' } });
    expect(out).toMatch(/^Положение «Партнёрская схема» \(период 2026-09, редакция [0-9a-f]{8}\) записано в /);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});

function sofficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('LibreOffice turns the .docx into a PDF', () => {
  const have = sofficeAvailable();
  if (!have && process.env.CI === 'true') {
    it('soffice must be installed on CI', () => {
      throw new Error('LibreOffice (soffice, with libreoffice-writer) is not installed, and CI=true');
    });
    return;
  }
  it.skipIf(!have)('soffice --headless --convert-to pdf', async () => {
    const file = join(dir, 'pdf.docx');
    expect((await command([DEMO, '--regulation', SCHEMES.seed003, '--out', file])).code).toBe(0);
    // Own profile: others may run soffice at the same time.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 170_000 });
    expect(r.status).toBe(0);
    const pdf = readFileSync(join(dir, 'pdf.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // a regulation of eight sections with five tables runs to several A4 pages
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
