/**
 * Entry of the `kpi-payouts` command (bundled to dist/cli.mjs; bin/kpi-payouts.js imports it).
 * `--simulate …` is handed to the simulation command (src/cli/simulate.ts).
 */
import { runCli } from './run';
import { runRegulationCommand } from './regulation';
import { runSimulateCommand } from './simulate';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const io = {
    stdout: (t: string) => void process.stdout.write(t),
    stderr: (t: string) => void process.stderr.write(t),
    now: () => new Date(),
    env: process.env,
    cwd: process.cwd(),
    progress: process.stderr.isTTY === true,
  };
  if (argv.some((a) => a === '--simulate' || a.startsWith('--simulate='))) return runSimulateCommand(argv, io);
  if (argv.some((a) => a === '--regulation' || a.startsWith('--regulation='))) return runRegulationCommand(argv, io);
  return runCli(argv, io);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
