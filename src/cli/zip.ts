/**
 * The .xlsx package as a zip, with Node's own zlib (native inflate/deflate, crc32): read the
 * central directory, inflate only the entries asked for, and write a package whose untouched
 * entries are copied as they were stored — the same compressed bytes, never inflated and
 * deflated again (SPEC §10.3: the user's parts stay byte-identical, and a million-row sheet costs
 * a copy, not a recompression).
 */
import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import type { DeflatePool } from './deflatePool';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the package. */
  dataStart: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The entries of a zip, by name, in the order of its central directory. */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not a zip file (no end of central directory)');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipFormatError('zip64 packages are not supported');
  const decoder = new TextDecoder();
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (u32(bytes, at) !== 0x02014b50) throw new ZipFormatError('broken central directory');
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (u32(bytes, local) !== 0x04034b50) throw new ZipFormatError(`broken local header of ${name}`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    out.set(name, { name, method, crc, compressedSize, size, dataStart });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The stored (compressed) bytes of an entry, as they sit in the package. */
export function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
}

/** An entry's content. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Buffer {
  const data = rawData(bytes, e);
  if (e.method === 0) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method} is not supported`);
  // One output chunk of the known size: no growing and copying of chunks on a 100 MB sheet.
  return zlib.inflateRawSync(data, { chunkSize: Math.max(64 * 1024, Math.min(e.size + 64, 1 << 30)) });
}

/** Compressed bytes handed to the inflater at a time (~1.5 MB of sheet XML out; fflate is fastest near this size). */
const INFLATE_PIECE = 1 << 18;

/**
 * An entry's content in pieces, inflated as they are asked for: a million-row sheet (260 MB of
 * XML) is never held whole. Node's zlib has no synchronous streaming inflate, so fflate's does it
 * (as fast as zlib's one-shot inflate here: the one-shot pays for a 260 MB buffer). `compressed`
 * reports the share of the stored bytes read so far (the progress bar).
 */
export function* inflatePieces(bytes: Uint8Array, e: ZipEntry, compressed?: (fraction: number) => void): Generator<Uint8Array> {
  const data = rawData(bytes, e);
  if (e.method === 0) {
    for (let at = 0; at < data.length; at += 4 * INFLATE_PIECE) {
      yield data.subarray(at, at + 4 * INFLATE_PIECE);
      compressed?.(Math.min(1, (at + 4 * INFLATE_PIECE) / data.length));
    }
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method} is not supported`);
  let out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => out.push(chunk));
  for (let at = 0; at < data.length; at += INFLATE_PIECE) {
    inflater.push(data.subarray(at, at + INFLATE_PIECE), at + INFLATE_PIECE >= data.length);
    compressed?.(Math.min(1, (at + INFLATE_PIECE) / data.length));
    const ready = out;
    out = [];
    yield* ready;
  }
}

export function entryText(bytes: Uint8Array, e: ZipEntry | undefined): string | null {
  return e ? inflateEntry(bytes, e).toString('utf8') : null;
}

let crcTable: Int32Array | null = null;
/** CRC-32 of the zip format, continued from `prev` (the CRC of what came before): zlib's when this Node has it (≥ 20.15), else a table. */
export function crc32(data: Uint8Array, prev = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, prev) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~prev;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry's content already deflated (DeflateSink): its pieces are written one after another. */
export interface DeflatedContent {
  crc: number;
  size: number;
  chunks: Buffer[];
}

/** Bytes gathered before they are deflated: big enough that the restart of each piece costs nothing (< 0.5 % in size). */
const SINK_CHUNK = 1 << 20;
/** Up to this many bytes of an entry are deflated at level 6; the rest (a million deals' statements) at level 1, which is 3× faster. */
const SMALL_ENTRY = 8_000_000;
/** A deflate stream's last block: empty, final (what zlib writes for an empty input). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * An entry written as it is made, never held whole: text goes into a 1 MB buffer, and each full
 * buffer is deflated on its own, ended with a sync flush (byte-aligned, not final) — the pieces
 * one after another, then an empty final block, are one valid deflate stream (what pigz does).
 * A sheet of a million rows is ~600 MB of XML; this way it exists only as its compressed bytes.
 */
export class DeflateSink {
  private buf = Buffer.allocUnsafe(SINK_CHUNK);
  private at = 0;
  private crc = 0;
  private size = 0;
  /** Deflated pieces, or the pool's tickets for them. */
  private readonly chunks: (Buffer | number)[] = [];

  /**
   * `pool`: an entry's second and later pieces are deflated on another thread while the caller
   * goes on (deflatePool.ts) — the same bytes; a one-piece entry never starts it.
   */
  constructor(private readonly pool?: () => DeflatePool | null) {}

  /** Appends text (UTF-8). */
  write(text: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes.
    if (this.at + text.length * 3 > SINK_CHUNK) {
      this.flush();
      if (text.length * 3 > SINK_CHUNK) {
        this.deflate(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** Appends bytes given as a binary string (one character per byte, as Buffer's 'latin1'). */
  writeBinary(bytes: string): void {
    if (this.at + bytes.length > SINK_CHUNK) {
      this.flush();
      if (bytes.length > SINK_CHUNK) {
        this.deflate(Buffer.from(bytes, 'latin1'));
        return;
      }
    }
    this.at += this.buf.write(bytes, this.at, 'latin1');
  }

  private flush(): void {
    if (this.at === 0) return;
    this.deflate(this.buf.subarray(0, this.at), true);
    this.at = 0;
  }

  /** `own`: `data` is the start of this.buf (its memory may be handed to the pool, and a new buffer taken). */
  private deflate(data: Buffer, own = false): void {
    const length = data.length; // handed to the pool, `data` is detached (length 0)
    this.crc = crc32(data, this.crc);
    const level = this.size < SMALL_ENTRY ? 6 : 1;
    const pool = this.pool && own && this.chunks.length > 0 ? this.pool() : null; // null: no thread to be had
    if (pool) {
      this.chunks.push(pool.submit(this.buf.buffer as ArrayBuffer, length, level));
      this.buf = Buffer.allocUnsafe(SINK_CHUNK); // 1 MB: a buffer of its own, never a slice of Node's pool
    } else {
      this.chunks.push(zlib.deflateRawSync(data, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    this.size += length;
  }

  /** The whole entry; the sink is done with. */
  finish(): DeflatedContent {
    this.flush();
    const chunks = this.chunks.map((c) => (typeof c === 'number' ? this.pool!()!.take(c) : c)); // a ticket: the pool exists
    chunks.push(FINAL_BLOCK);
    this.buf = Buffer.alloc(0);
    return { crc: this.crc, size: this.size, chunks };
  }
}

/** One entry of the package to write: either copied as stored, or new content to deflate. */
export type ZipPart =
  | { name: string; copy: ZipEntry; from: Uint8Array }
  | { name: string; deflated: DeflatedContent }
  | { name: string; content: Uint8Array | string };

/**
 * Writes a zip (no data descriptors, no zip64) as its pieces, in order (nothing is copied into one
 * buffer: a million-row package is written to the file piece by piece). New content over 8 MB is
 * deflated at level 1 past its first 8 MB — generated statements of a million deals are written
 * in seconds, at a modest size cost.
 */
export function writeZipChunks(parts: ZipPart[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const part of parts) {
    const name = Buffer.from(encoder.encode(part.name));
    let method: number, crc: number, size: number, data: Uint8Array[];
    if ('copy' in part) {
      ({ method, crc, size } = part.copy);
      data = [rawData(part.from, part.copy)];
    } else if ('deflated' in part) {
      ({ crc, size } = part.deflated);
      method = 8;
      data = part.deflated.chunks;
    } else {
      const content = typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content;
      size = content.length;
      crc = crc32(content);
      method = 8;
      data = [zlib.deflateRawSync(content, { level: size > SMALL_ENTRY ? 1 : 6 })];
    }
    let length = 0;
    for (const d of data) length += d.length;
    if (offset + length > 0xfffffff0 || size > 0xfffffff0) throw new ZipFormatError('the package would exceed 4 GB');
    const utf8 = /[^\x20-\x7e]/.test(part.name) ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time: the same input writes the same bytes
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(utf8, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(0x00210000, 12);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    chunks.push(local, name, ...data);
    offset += 30 + name.length + length;
  }
  let cdSize = 0;
  for (const b of central) cdSize += b.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  chunks.push(...central, end);
  return chunks;
}

/** writeZipChunks as one buffer. */
export function writeZip(parts: ZipPart[]): Buffer {
  return Buffer.concat(writeZipChunks(parts));
}
