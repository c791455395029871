/**
 * Deflate on a second thread while the main one builds the next pieces (issue 11: `--out` of a
 * million deals deflates ~760 MB of sheet XML). One worker thread runs zlib's deflateRawSync on the
 * 1 MB pieces DeflateSink hands it — the same call, with the same options, as on the main thread,
 * so the bytes are the same — and the writer stays synchronous: results are collected with
 * `receiveMessageOnPort`, and the main thread waits (Atomics.wait on a shared counter) only when
 * it is PIECES_IN_FLIGHT pieces ahead or when an entry is finished.
 *
 * Only for big entries: the worker is started when an entry reaches its second piece, so small
 * workbooks (every test but a few, every statement file) never start a thread.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Pieces handed over and not yet collected: the main thread never runs further ahead (4 MB of XML held). */
const PIECES_IN_FLIGHT = 4;
/** A worker that answers nothing for this long is broken: the run fails instead of hanging. */
const STALL_MS = 120_000;

/** The worker: CommonJS text run with `eval` (no file of its own to find next to dist/cli.mjs). */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { port, done } = workerData;
const counter = new Int32Array(done);
parentPort.on('message', (job) => {
  let reply;
  try {
    const out = zlib.deflateRawSync(Buffer.from(job.data, 0, job.length), { level: job.level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    reply = { id: job.id, out: new Uint8Array(out) }; // its own memory, exactly its size: moved, not copied
  } catch (e) {
    reply = { id: job.id, error: String(e && e.message || e) };
  }
  port.postMessage(reply, reply.out ? [reply.out.buffer] : []);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
`;

interface Reply {
  id: number;
  out?: Uint8Array;
  error?: string;
}

/** One worker thread deflating pieces in the order they are handed over. */
export class DeflatePool {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly results = new Map<number, Buffer>();
  private nextId = 0;
  private inFlight = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, done: this.done.buffer }, transferList: [port2] });
    // Neither keeps the process alive: the writer collects everything it hands over before it returns.
    this.worker.unref();
    this.port.unref();
  }

  /**
   * Hands over the first `length` bytes of `owned` to deflate at `level`; `owned` moves to the
   * worker (detached here: the caller must own it and not touch it again). Returns the ticket for `take`.
   */
  submit(owned: ArrayBuffer, length: number, level: number): number {
    while (this.inFlight >= PIECES_IN_FLIGHT) this.waitForOne();
    const id = this.nextId++;
    this.worker.postMessage({ id, data: owned, length, level }, [owned]);
    this.inFlight++;
    return id;
  }

  /** The deflated bytes of ticket `id`, waiting for them if need be. */
  take(id: number): Buffer {
    for (;;) {
      const out = this.results.get(id);
      if (out) {
        this.results.delete(id);
        return out;
      }
      this.waitForOne();
    }
  }

  /** Collects every reply that has come in; when none has, waits for the next one. */
  private waitForOne(): void {
    const seen = Atomics.load(this.done, 0);
    if (this.drain() > 0) return;
    if (Atomics.wait(this.done, 0, seen, STALL_MS) === 'timed-out' && this.drain() === 0) {
      throw new Error('the deflate worker stopped answering');
    }
    this.drain();
  }

  private drain(): number {
    let n = 0;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as Reply;
      if (reply.error !== undefined) throw new Error(`deflate failed: ${reply.error}`);
      this.results.set(reply.id, Buffer.from(reply.out!.buffer, reply.out!.byteOffset, reply.out!.byteLength));
      this.inFlight--;
      n++;
    }
    return n;
  }

  /** Stops the worker (everything handed over must have been taken). */
  close(): void {
    void this.worker.terminate();
    this.port.close();
  }
}
