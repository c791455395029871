/**
 * The README's picture of a printed statement (docs/img/statement-ru.png), made by
 * `npm run screenshots`: the built CLI writes the demo's statements with PDFs (`--statements`,
 * LibreOffice), and pdftoppm renders Иванов Алексей's one A4 page. Skipped, with a line saying
 * so, where soffice or pdftoppm is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/img/statement-ru');

function main(): void {
  for (const tool of ['soffice', 'pdftoppm']) {
    if (spawnSync('which', [tool]).status !== 0) {
      console.log(`statement picture skipped: ${tool} is not installed`);
      return;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'kpi-statements-'));
  try {
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/kpi-payouts.js'), join(ROOT, 'demo/demo-workbook.xlsx'), '--period', '2026-10', '--today', '2026-11-02', '--statements', dir], { encoding: 'utf8', timeout: 300_000 });
    if (cli.status !== 0) throw new Error(`kpi-payouts --statements failed: ${cli.stderr}`);
    const pdf = readdirSync(dir).find((f) => f.startsWith('Иванов') && f.endsWith('.pdf'));
    if (!pdf) throw new Error(`no PDF of Иванов Алексей's statement in ${dir}`);
    // 110 dpi: an A4 landscape page ≈ 1 286 px wide; its top 480 px hold the demo statement
    const png = spawnSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '1286', '-H', '480', '-singlefile', join(dir, pdf), OUT], { encoding: 'utf8' });
    if (png.status !== 0 || !existsSync(`${OUT}.png`)) throw new Error(`pdftoppm failed: ${png.stderr}`);
    console.log(`${OUT}.png`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
