/**
 * Benchmark of what Sheets pays on every custom-function call (SPEC §9): the size of the pushed
 * script; its top-level evaluation in a fresh context (≤ 30 ms); and the cold call — the bundle
 * loaded into a fresh context and KPI_COMMISSION over a 10 000-row column once (≤ 60 ms) — as
 * Sheets runs it, afresh for every call. Each is the median of fresh processes
 * (scripts/bench/coldCall.mjs), wall and CPU of the main thread (V8's GC and compiler helper
 * threads run beside it), printed with the machine's load. Warm repeat calls are shown for
 * comparison only: Sheets never reuses a loaded script. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CODE = join(ROOT, 'build/Code.js');
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

interface ColdRun { wall: number; cpu: number; loadWall: number; loadCpu: number; callWall: number; callCpu: number; mainThread: boolean }

/** Bundle load + the first KPI_COMMISSION call on 10 000 rows, each in a fresh process: medians of RUNS. */
function coldCalls(mode: string): Record<Exclude<keyof ColdRun, 'mainThread'>, number> & { mainThread: boolean } {
  const runs: ColdRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/coldCall.mjs'), CODE, mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout) as ColdRun);
  }
  const of = (k: Exclude<keyof ColdRun, 'mainThread'>) => median(runs.map((run) => run[k]));
  return { wall: of('wall'), cpu: of('cpu'), loadWall: of('loadWall'), loadCpu: of('loadCpu'), callWall: of('callWall'), callCpu: of('callCpu'), mainThread: runs.every((run) => run.mainThread) };
}

/** Compile and evaluate the script in a fresh context of this process (V8 may reuse its compilation: a warm figure). */
function loadOnce(code: string): { elapsed: number; context: vm.Context } {
  const context = vm.createContext({});
  const started = performance.now();
  new vm.Script(code, { filename: `Code-${Math.random()}.js` }).runInContext(context);
  return { elapsed: performance.now() - started, context };
}

export async function run() {
  const loadBefore = load();
  const cold = coldCalls('whole');
  const coldMarginal = coldCalls('marginal');
  const coldMargin = coldCalls('unit_margin');
  const coldRest = coldCalls('rest');
  const loadAfter = load();
  const cpuOf = cold.mainThread ? 'CPU of the main thread' : 'CPU of the process (all threads)';
  const code = readFileSync(CODE, 'utf8');
  const bytes = statSync(CODE).size;
  const warmLoad = median(Array.from({ length: 21 }, () => loadOnce(code).elapsed));

  // A column as Sheets passes it: numbers, 1C text numbers and blanks; a plan column; tiers as text.
  const rows = 10_000;
  const base = Array.from({ length: rows }, (_, i) => [i % 50 === 0 ? '' : i % 3 === 0 ? `${(i * 137) % 2_000_000} ${String(i % 1000).padStart(3, '0')},50` : (i * 7919) % 2_500_000 + 0.25]);
  const plan = Array.from({ length: rows }, () => [1_000_000]);
  const { context } = loadOnce(code);
  const call = vm.runInContext('KPI_COMMISSION', context) as (...args: unknown[]) => unknown[][];
  // Wall time and this process's CPU time: on a shared machine the CPU time is the steadier figure.
  const measure = (mode: string) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 9; i++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const out = call(base, '0:3%; 100%:5%; 120%:7%', plan, mode);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      if (out.length !== rows) throw new Error(`KPI_COMMISSION gave ${out.length} rows`);
    }
    return { first: wall[0], wall: median(wall.slice(1)), cpu: median(cpu.slice(1)) };
  };
  const whole = measure('whole');
  const marginal = measure('marginal');

  // The Code.js build into a scratch folder, as a fresh process (the full build adds the sidebar and CLI in parallel): budget 3 s.
  const buildStarted = performance.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--entry', join(ROOT, 'src/main.ts'), '--outdir', mkdtempSync(join(tmpdir(), 'kpi-bench-'))], { encoding: 'utf8' });
  const buildTime = performance.now() - buildStarted;
  if (build.status !== 0) throw new Error(build.stderr);

  return [
    { name: 'load average (1, 5, 15 min) before the cold calls', value: loadBefore },
    { name: 'build of Code.js (fresh node process)', value: ms(buildTime), budget: '< 3000 ms', ok: buildTime < 3000 },
    { name: 'build/Code.js size', value: `${(bytes / 1024).toFixed(1)} KB` },
    { name: `load build/Code.js in a fresh process: wall (median of ${RUNS})`, value: ms(cold.loadWall) },
    { name: `load build/Code.js in a fresh process: ${cpuOf} (median of ${RUNS})`, value: ms(cold.loadCpu), budget: '≤ 30 ms', ok: cold.loadCpu <= 30 },
    { name: `cold call: load + first KPI_COMMISSION, 10 000 rows, whole: wall (median of ${RUNS} fresh processes)`, value: ms(cold.wall), budget: '≤ 60 ms', ok: cold.wall <= 60 },
    { name: `cold call: the same, ${cpuOf} (median of ${RUNS})`, value: ms(cold.cpu), budget: '≤ 60 ms', ok: cold.cpu <= 60 },
    { name: `cold call: of which the call itself, ${cpuOf}`, value: ms(cold.callCpu) },
    { name: `cold call, marginal: wall (median of ${RUNS} fresh processes)`, value: ms(coldMarginal.wall), budget: '≤ 60 ms', ok: coldMarginal.wall <= 60 },
    { name: `cold call, marginal: ${cpuOf} (median of ${RUNS})`, value: ms(coldMarginal.cpu), budget: '≤ 60 ms', ok: coldMarginal.cpu <= 60 },
    { name: `cold call, UNIT_MARGIN over the same 10 000 rows (no budget): ${cpuOf} (median of ${RUNS})`, value: ms(coldMargin.cpu) },
    { name: `menu, sidebar, generation: load + compiling the rest of the add-on on first use (no budget): ${cpuOf} (median of ${RUNS})`, value: ms(coldRest.cpu) },
    { name: 'load average (1, 5, 15 min) after the cold calls', value: loadAfter },
    { name: 'warm, for comparison (Sheets never reuses a loaded script): load in this process (median of 21)', value: ms(warmLoad) },
    { name: 'warm: KPI_COMMISSION, 10 000 rows, first call in a loaded context', value: ms(whole.first) },
    { name: 'warm: KPI_COMMISSION, 10 000 rows, whole, calls 2–9: CPU (median of 8)', value: ms(whole.cpu) },
    { name: 'warm: KPI_COMMISSION, 10 000 rows, marginal, calls 2–9: CPU (median of 8)', value: ms(marginal.cpu) },
  ];
}
