// The CLI's output writer on a real pipe (a FIFO) whose reader the test starts, stops and closes.
import { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_BYTES, OutputWriter } from './output-writer';
import { openFifo, type Fifo } from './testing/fifo';

const opened: Fifo[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const fifo of opened.splice(0)) fifo.dispose();
});

const notPrinted = (count: number): string => `${count} lines were not printed`;

function pipeWriter(capBytes?: number): { fifo: Fifo; stream: Socket; writer: OutputWriter } {
  const fifo = openFifo();
  opened.push(fifo);
  const stream = new Socket({ fd: fifo.writeFd, readable: false, writable: true });
  sockets.push(stream);
  const writer = new OutputWriter(stream, capBytes);
  return { fifo, stream, writer };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function reading(fifo: Fifo): () => string {
  const chunks: Buffer[] = [];
  fifo.startReading((chunk) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

describe('OutputWriter', () => {
  it('writes the lines of one turn in a few large writes, in order and whole', async () => {
    const { fifo, stream, writer } = pipeWriter();
    let writes = 0;
    const write = stream.write.bind(stream);
    stream.write = (chunk: string | Uint8Array): boolean => {
      writes++;
      return write(chunk);
    };
    const text = reading(fifo);
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    for (const line of lines) writer.live(() => line, notPrinted);
    writer.line('the end');
    writer.bytes(new TextEncoder().encode('raw ␍␊ bytes\n'));
    const expected = `${lines.join('\n')}\nthe end\nraw ␍␊ bytes\n`;
    await until(() => text().length >= expected.length, 'every line');
    expect(text()).toBe(expected);
    // About a megabyte: a few dozen writes of BATCH_BYTES, not one per line.
    expect(writes).toBeLessThanOrEqual(Math.ceil(expected.length / BATCH_BYTES) + 2);
    expect(await writer.settle(1000)).toBe(true);
  });

  it('holds no more than its cap while the reader reads nothing, then says how many live lines it left out', async () => {
    const cap = 256 * 1024;
    const { fifo, writer } = pipeWriter(cap);
    const total = 50_000;
    let made = 0;
    let most = 0;
    for (let i = 0; i < total; i++) {
      writer.live(() => (made++, `live ${i} ${'y'.repeat(60)}`), notPrinted);
      most = Math.max(most, writer.held());
      // Let the writer try now and then, as a server's event loop would between deltas.
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    }
    expect(most).toBeLessThanOrEqual(cap + 100);
    expect(made).toBeLessThan(total / 2); // lines that were left out were never even formatted
    expect(writer.notPrintedYet()).toBe(total - made);
    writer.line('whole lines are never left out');

    const text = reading(fifo);
    await until(() => text().endsWith('whole lines are never left out\n'), 'the last line');
    const lines = text().trimEnd().split('\n');
    const live = lines.filter((l) => l.startsWith('live '));
    const note = lines.filter((l) => l.endsWith(' lines were not printed'));
    expect(note).toEqual([`${total - made} lines were not printed`]);
    expect(live.length).toBe(made);
    // The note stands where the lines it counts would have been: after the last one kept.
    expect(lines.indexOf(note[0] ?? '')).toBe(live.length);
    expect(live.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: made }, (_, i) => i));
  });

  it('reports a reader that went away as EPIPE, lets go of what it held, and never throws', async () => {
    const { fifo, writer } = pipeWriter();
    fifo.closeReader();
    writer.line('nobody reads this');
    for (let i = 0; i < 1000; i++) writer.live(() => `line ${i}`, notPrinted);
    expect(await writer.failed).toEqual({ code: 'EPIPE' });
    expect(writer.held()).toBe(0);
    writer.line('after the failure: ignored');
    writer.bytes(Uint8Array.of(1, 2, 3));
    expect(writer.held()).toBe(0);
    expect(await writer.settle(1000)).toBe(true);
  });

  it('settle gives up on a reader that takes nothing', async () => {
    const { writer } = pipeWriter();
    writer.line('z'.repeat(1024 * 1024)); // more than a pipe holds
    const started = Date.now();
    expect(await writer.settle(300)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe('OutputWriter, lines already encoded', () => {
  it('writes a start and words in UTF-8 as one line, among text lines, in order', async () => {
    const { fifo, writer } = pipeWriter();
    const text = reading(fifo);
    const words = new TextEncoder().encode('← 41 B "GET / HTTP/1.1␍␊"');
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i % 7 === 0) {
        writer.live(() => `text ${i} ␍␊`, notPrinted);
        expected.push(`text ${i} ␍␊`);
      } else {
        writer.live(() => ({ head: new TextEncoder().encode(`12:00:00.${i} c${i} +0.4ms  `), utf8: words }), notPrinted);
        expected.push(`12:00:00.${i} c${i} +0.4ms  ← 41 B "GET / HTTP/1.1␍␊"`);
      }
    }
    // A line longer than a batch is a piece of its own, still in its place.
    const long = 'x'.repeat(70_000);
    writer.live(() => ({ head: new TextEncoder().encode('é '), utf8: new TextEncoder().encode(long) }), notPrinted);
    expected.push(`é ${long}`);
    writer.live(() => ({ head: new TextEncoder().encode('after '), utf8: words }), notPrinted);
    expected.push('after ← 41 B "GET / HTTP/1.1␍␊"');
    const all = `${expected.join('\n')}\n`;
    await until(() => text() === all, 'every line');
  });
});
