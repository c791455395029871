/**
 * Benchmark of what `kpi-payouts` users wait for (SPEC §9): whole CLI runs, each in a fresh
 * process, on the generated scale workbook (scaleXlsx.ts) of 100 000 and 1 000 000 deals × 50
 * managers, with `--json` and with `--out`: wall time and peak RSS (`/usr/bin/time -v`), medians of
 * 3, each as a ratio to baselines measured in the same run —
 *  - `unzip -p WB.xlsx <deals sheet> | wc -c`: inflating the deals sheet once (no parsing at all);
 *  - the floor: a fresh Node process that inflates the deals sheet, scans every date cell, turns it
 *    into a day and keeps the period's rows (what any reader must do, and nothing else: no amounts,
 *    no names, no rules, no statements).
 * The machine's load average is printed beside the figures: the machine is shared.
 * `KPI_BENCH_QUICK=1` (or `--quick`) leaves out the million-row part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeScaleXlsx } from './scaleXlsx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
const FLOOR = join(ROOT, 'scripts/bench/floorScan.mjs');
const DIR = join(tmpdir(), 'kpi-bench-cli');
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** One command in a fresh process under /usr/bin/time -v: wall seconds and peak RSS in MB. */
function timed(argv: string[]): { wall: number; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*(?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r.stderr);
  if (!clock || !rss) throw new Error(`no /usr/bin/time figures: ${r.stderr.slice(-500)}`);
  const wall = Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return { wall, rssMb: Number(rss[1]) / 1024 };
}

function medianOf(argv: string[]): { wall: number; rssMb: number } {
  const runs = Array.from({ length: RUNS }, () => timed(argv));
  return { wall: median(runs.map((r) => r.wall)), rssMb: median(runs.map((r) => r.rssMb)) };
}

export async function run() {
  const quick = process.argv.includes('--quick') || process.env.KPI_BENCH_QUICK === '1';
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (Debian package `time`)');
  mkdirSync(DIR, { recursive: true });
  const figures: { name: string; value: string; budget?: string; ok?: boolean }[] = [];
  figures.push({ name: 'load average (1, 5, 15 min) at start', value: load() });
  const sizes = quick ? [100_000] : [100_000, 1_000_000];
  for (const deals of sizes) {
    const label = deals === 1_000_000 ? '1 000 000' : '100 000';
    const wb = join(DIR, `scale-${deals}.xlsx`);
    if (!existsSync(wb)) writeScaleXlsx(wb, deals, 50);
    const part = 'xl/worksheets/sheet1.xml';
    const unzip = medianOf(['sh', '-c', `unzip -p '${wb}' ${part} | wc -c > /dev/null`]);
    const floor = medianOf([process.execPath, FLOOR, wb, part, '2026-11']);
    const json = medianOf([process.execPath, BIN, wb, '--period', '2026-11', '--today', '2026-12-01', '--json']);
    const outFile = join(DIR, `out-${deals}.xlsx`);
    const out = medianOf([process.execPath, BIN, wb, '--period', '2026-11', '--today', '2026-12-01', '--out', outFile]);
    rmSync(outFile, { force: true });
    const s = (x: number) => `${x.toFixed(2)} s`;
    const big = deals === 1_000_000;
    figures.push(
      { name: `${label} deals × 50: baseline unzip -p | wc -c (wall)`, value: s(unzip.wall) },
      { name: `${label} deals × 50: floor (inflate, dates, period filter)`, value: s(floor.wall) },
      { name: `${label} deals × 50: --json wall`, value: s(json.wall), ...(big ? { budget: '≤ 20 s', ok: json.wall <= 20 } : {}) },
      { name: `${label} deals × 50: --json peak RSS`, value: `${Math.round(json.rssMb)} MB`, ...(big ? { budget: '≤ 1536 MB', ok: json.rssMb <= 1536 } : {}) },
      { name: `${label} deals × 50: --json ÷ unzip baseline`, value: `${(json.wall / unzip.wall).toFixed(1)}×` },
      { name: `${label} deals × 50: --json ÷ floor`, value: `${(json.wall / floor.wall).toFixed(1)}×` },
      { name: `${label} deals × 50: --out wall`, value: s(out.wall), ...(big ? { budget: '≤ 40 s', ok: out.wall <= 40 } : {}) },
      { name: `${label} deals × 50: --out peak RSS`, value: `${Math.round(out.rssMb)} MB` },
      { name: `${label} deals × 50: --out ÷ unzip baseline`, value: `${(out.wall / unzip.wall).toFixed(1)}×` },
    );
  }
  figures.push({ name: 'load average (1, 5, 15 min) at end', value: load() });
  return figures;
}
