// The floor of scripts/bench/cli.ts, run as a fresh process: `node floorScan.mjs WB.xlsx PART YYYY-MM`.
// Inflates one sheet part (the deals), finds every date cell of column B (a serial day), turns it
// into a calendar day and counts the rows of the month: what any reader of the deals must do.
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';

const [file, part, month] = process.argv.slice(2);
const bytes = readFileSync(file);
let eocd = bytes.length - 22;
while (bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
let at = bytes.readUInt32LE(eocd + 16);
let data = null;
for (let k = bytes.readUInt16LE(eocd + 10); k > 0; k--) {
  const nameLen = bytes.readUInt16LE(at + 28);
  const name = bytes.toString('utf8', at + 46, at + 46 + nameLen);
  if (name === part) {
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    data = zlib.inflateRawSync(bytes.subarray(start, start + bytes.readUInt32LE(at + 20)));
    break;
  }
  at += 46 + nameLen + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
}
const xml = data.toString('utf8');
let count = 0;
const re = /<c r="B\d+"[^>]*><v>(\d+(?:\.\d+)?)<\/v>/g;
for (let m; (m = re.exec(xml)); ) {
  const day = new Date(Math.round((Number(m[1]) - 25569) * 86_400_000)).toISOString().slice(0, 7);
  if (day === month) count++;
}
process.stdout.write(`${count}\n`);
