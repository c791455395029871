/**
 * The streaming deflater of the package writer (zip.ts DeflateSink): an entry deflated piece by
 * piece is one valid deflate stream with the CRC and size of the whole, and a zip made of it is
 * read back by our reader and by exceljs' unzipper (JSZip).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DeflateSink, crc32, readZip, entryText, writeZip } from '../../src/cli/zip';
import { DeflatePool } from '../../src/cli/deflatePool';

/** Text of `n` rows like a statement's, ~80 bytes a row, some Cyrillic (3 bytes of UTF-8 in 1 unit of text: 2). */
const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Клиент ${i % 500}</t></is></c></row>`);

describe('DeflateSink', () => {
  it('pieces of 1 MB, each ended by a sync flush, then a final block: inflates to the text written, CRC and size of the whole', () => {
    // 60 000 rows × ~85 bytes ≈ 5 MB: five or more pieces of 1 MB, so the pieces really are joined.
    const parts = rows(60_000);
    const text = parts.join('');
    const sink = new DeflateSink();
    for (let i = 0; i < parts.length; i += 700) sink.write(parts.slice(i, i + 700).join('')); // ~60 K characters a write, as the sheet writer hands them over
    const done = sink.finish();
    const whole = Buffer.from(text, 'utf8');
    expect(done.chunks.length).toBeGreaterThanOrEqual(6); // ≥ 5 pieces + the final block
    expect(done.size).toBe(whole.length);
    expect(done.crc).toBe(crc32(whole));
    expect(zlib.inflateRawSync(Buffer.concat(done.chunks)).equals(whole)).toBe(true);
  });

  it('one text longer than a piece is deflated on its own, between the others', () => {
    const big = 'ы'.repeat(600_000); // 1.2 MB of UTF-8: more than a piece
    const sink = new DeflateSink();
    sink.write('<a>');
    sink.write(big);
    sink.write('</a>');
    const done = sink.finish();
    expect(zlib.inflateRawSync(Buffer.concat(done.chunks)).toString('utf8')).toBe(`<a>${big}</a>`);
  });

  it('with a deflate pool (a second thread), the very same bytes as on the main thread', () => {
    // 120 000 rows × ~85 bytes ≈ 10 MB: ten pieces, past the 8 MB at level 6 (so both levels go to the worker)
    const parts = rows(120_000);
    const pool = new DeflatePool();
    let started = 0;
    const inThread = new DeflateSink(() => (started++, pool));
    const onMain = new DeflateSink();
    try {
      for (let i = 0; i < parts.length; i += 700) {
        const piece = parts.slice(i, i + 700).join('');
        inThread.write(piece);
        onMain.write(piece);
      }
      const a = inThread.finish();
      const b = onMain.finish();
      // n pieces and the final block; each piece after the first asks for the pool twice (handed over, taken back)
      expect(a.chunks.length).toBeGreaterThanOrEqual(11);
      expect(started).toBe(2 * (a.chunks.length - 2));
      expect(a.size).toBe(b.size);
      expect(a.size).toBeGreaterThan(8_000_000);
      expect(a.crc).toBe(b.crc);
      expect(Buffer.concat(a.chunks).equals(Buffer.concat(b.chunks))).toBe(true);
      expect(zlib.inflateRawSync(Buffer.concat(a.chunks)).toString('utf8')).toBe(parts.join(''));
    } finally {
      pool.close();
    }
  });

  it('a one-piece entry never starts the pool', () => {
    let started = 0;
    const sink = new DeflateSink(() => {
      started++;
      throw new Error('not wanted');
    });
    sink.write(rows(100).join(''));
    expect(zlib.inflateRawSync(Buffer.concat(sink.finish().chunks)).toString('utf8')).toBe(rows(100).join(''));
    expect(started).toBe(0);
  });

  it('no pool to be had (null): every piece is deflated on the main thread', () => {
    const parts = rows(30_000); // ~2.5 MB: three pieces
    const sink = new DeflateSink(() => null);
    for (let i = 0; i < parts.length; i += 700) sink.write(parts.slice(i, i + 700).join(''));
    const done = sink.finish();
    expect(done.chunks.length).toBeGreaterThanOrEqual(4);
    expect(zlib.inflateRawSync(Buffer.concat(done.chunks)).toString('utf8')).toBe(parts.join(''));
  });

  it('nothing written: an empty entry (crc 0, size 0)', () => {
    const done = new DeflateSink().finish();
    expect(done.size).toBe(0);
    expect(done.crc).toBe(0);
    expect(zlib.inflateRawSync(Buffer.concat(done.chunks)).length).toBe(0);
  });

  it('crc32 continued from a prefix is the crc32 of the whole (any split)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (bytes, k) => {
        const at = bytes.length === 0 ? 0 : k % (bytes.length + 1);
        const data = Buffer.from(bytes);
        expect(crc32(data.subarray(at), crc32(data.subarray(0, at)))).toBe(crc32(data));
      }),
    );
  });

  it('a zip with a streamed entry beside a plain one opens in our reader and in JSZip', async () => {
    const sink = new DeflateSink();
    const parts = rows(20_000);
    for (const p of parts) sink.write(p);
    const zip = writeZip([{ name: 'a.txt', content: 'plain' }, { name: 'xl/worksheets/sheet1.xml', deflated: sink.finish() }]);
    const entries = readZip(zip);
    expect(entryText(zip, entries.get('a.txt'))).toBe('plain');
    expect(entryText(zip, entries.get('xl/worksheets/sheet1.xml'))).toBe(parts.join(''));
    const js = await JSZip.loadAsync(zip);
    expect(await js.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(parts.join(''));
  });
});
