/**
 * `npm run bench`: runs every `scripts/bench/*.ts` module (each exports
 * `run(): Promise<{ name, value, budget?, ok? }[]>`) and prints one line per figure.
 * A figure over its budget (`ok: false`) is marked `!!`; `--strict` then exits 1 (a module that
 * throws always does). SPEC §9 budgets are measured here, not asserted in unit tests.
 * `tsx scripts/bench.ts functions read` runs only the modules whose names start so.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A module may give numbers (their unit in the name) or text with the unit (`'303 ms'`). */
export interface BenchFigure {
  name: string;
  value: string | number;
  budget?: string | number;
  ok?: boolean;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const strict = process.argv.includes('--strict');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

/**
 * Waits (at most 60 s) until the 1-minute load average is below 1: each module's figures should be
 * the module's own, not the tail of the one before (the million-row runs leave a 1.5 GB process's
 * pages to reclaim, and fresh pages are most of what the engine modules pay for on this machine).
 */
async function settle(): Promise<string> {
  const start = Date.now();
  while (loadavg()[0] >= 1 && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 2_000));
  return `settled ${Math.round((Date.now() - start) / 1000)} s, load ${loadavg()[0].toFixed(1)}`;
}

let over = 0;
let failed = 0;
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<BenchFigure[]> };
  if (typeof mod.run !== 'function') continue;
  const settled = ` (${await settle()})`;
  console.log(`\n${file.replace(/\.ts$/, '')}${settled}`);
  let figures: BenchFigure[];
  try {
    figures = await mod.run();
  } catch (e) {
    failed++;
    console.log(`  FAILED: ${(e as Error).stack ?? e}`);
    continue;
  }
  for (const f of figures) {
    const mark = f.ok === undefined ? '  ' : f.ok ? 'ok' : '!!';
    if (f.ok === false) over++;
    console.log(`  ${mark} ${f.name.padEnd(48)} ${String(f.value).padStart(12)}${f.budget !== undefined ? `   budget ${f.budget}` : ''}`);
  }
}
console.log(`\n${over === 0 ? 'all figures within budget' : `${over} figure(s) over budget`}${failed ? `, ${failed} module(s) failed` : ''}`);
process.exit(failed > 0 || (strict && over > 0) ? 1 : 0);
