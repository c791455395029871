#!/usr/bin/env node
// The `kpi-payouts` command: a shim over the bundled CLI (dist/cli.mjs, made by `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write('kpi-payouts: dist/cli.mjs is missing: run npm run build\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
