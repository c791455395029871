/** The BUILT `kpi-payouts` run in `dir` as a Russian user named owner (the ledger's CLI tests). */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');

export function cliIn(dir: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'ru_RU.UTF-8', USER: 'owner' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
