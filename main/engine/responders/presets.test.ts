// Every canned preset served by a real Wirebench server and read by real peers: curl (--raw, so it
// hands over the body as it came) and a python3 client in the style of lesson L1 that reads to EOF
// and prints what it got in hex. Both must see the preset's exact bytes: bare LF, binary, broken.
// Then the Content-Length mistakes, as curl reports them, before and after the check's fix.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  BROKEN_CONTENT_LENGTH_LONG,
  BROKEN_CONTENT_LENGTH_SHORT,
  GZIP_TEXT,
  HTTP_GZIP,
  L3_IMAGE,
  PRESETS,
  presetResponder,
  sampleResponse,
  type Preset,
} from '../../../shared/server/presets';
import { applyEdits, checkResponse } from '../../../shared/server/response-check';
import { EngineProbe } from '../../host/testing/engine-probe';
import { L1_CLIENT, run, runPython } from '../testing/peers';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const JPEG = new Uint8Array(readFileSync(join(SAMPLE_ROOT, 'test.jpg')));
const dir = mkdtempSync(join(tmpdir(), 'wirebench-presets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let probe: EngineProbe | undefined;
afterEach(async () => {
  await probe?.engine.close();
  probe = undefined;
});

/** A Wirebench server answering with these bytes, then doing what the preset's lesson does. */
async function serve(bytes: Uint8Array, after: Preset['after']): Promise<number> {
  probe = new EngineProbe();
  return (await probe.startServer({ responder: { kind: 'canned', bytes }, after })).port;
}

/**
 * Lesson L1's client with an HTTP/1.1 request: one request, recv() until EOF, close.
 * `Connection: close` so a keep-alive server closes too, and EOF comes.
 */
const CLOSE_REQUEST = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

/**
 * curl's view: --raw leaves the body as it came (no chunk decoding, no gunzip), -i puts the head in
 * front of it, and -o writes both to a file untouched. Responses without a status line are HTTP/0.9
 * to curl, which it reads only when told.
 */
async function curlRaw(port: number, name: string, extra: string[] = []): Promise<{ code: number | null; bytes: Buffer; stderr: string }> {
  const out = join(dir, `${name}.out`);
  const done = await run('curl', ['--raw', '-sS', '-i', '-o', out, ...extra, `http://127.0.0.1:${port}/`]);
  return { code: done.code, bytes: readFileSync(out), stderr: done.stderr };
}

const cases = [
  ...PRESETS.map((p) => ({ name: p.name, bytes: p.bytes, after: p.after })),
  { name: L3_IMAGE.name, bytes: sampleResponse(L3_IMAGE, JPEG), after: L3_IMAGE.after },
];

/** What curl makes of each preset that is not well-formed: the exit code it ends with. */
const CURL_EXIT: Partial<Record<string, number>> = { 'broken-content-length-long': 18, 'broken-no-blank-line': 18 };

/**
 * What curl hands over of the bytes that arrived (the python client shows they all did). Too
 * short: it stops where Content-Length says, and the rest is never read as a response. No blank
 * line: it passes a header line on only once the line's LF has come, and the FIN came first.
 */
function curlSees(name: string, bytes: Uint8Array): Uint8Array {
  if (name === 'broken-content-length-short') return bytes.subarray(0, bytes.length - ', World!'.length);
  if (name === 'broken-no-blank-line') return bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  return bytes;
}

describe('every preset on the wire', () => {
  it.each(cases)('$name: the python client and curl get exactly its bytes', async ({ name, bytes, after }) => {
    const port = await serve(bytes, after);
    const python = await runPython(L1_CLIENT, [port, CLOSE_REQUEST]);
    expect(python.stderr).toBe(`sent ${CLOSE_REQUEST.length}\nreceived ${bytes.length}\n`); // its report, nothing else
    expect(python.stdout.toString('hex')).toBe(Buffer.from(bytes).toString('hex'));

    // L3's image starts with an empty line, which curl takes for an HTTP/0.9 answer (see broken-answers-clients.test.ts).
    const http09 = name === 'l2-hello-bare-lf' || name === 'broken-no-status-line' || name === 'l3-image' ? ['--http0.9'] : [];
    const curl = await curlRaw(port, name, http09);
    expect([name, curl.code]).toEqual([name, CURL_EXIT[name] ?? 0]);
    expect(curl.bytes.toString('hex')).toBe(Buffer.from(curlSees(name, bytes)).toString('hex'));
  });

  it('the gzip preset decodes with curl --compressed', async () => {
    const port = await serve(HTTP_GZIP.bytes, HTTP_GZIP.after);
    const done = await run('curl', ['-sS', '--compressed', `http://127.0.0.1:${port}/`]);
    expect(done.stderr).toBe('');
    expect(done.stdout.toString()).toBe(GZIP_TEXT);
  });

  it('presetResponder gives the sample preset its file, and nothing without it', () => {
    expect(presetResponder(L3_IMAGE, JPEG)).toEqual({ kind: 'canned', bytes: sampleResponse(L3_IMAGE, JPEG) });
    expect(presetResponder(L3_IMAGE)).toBeUndefined();
  });
});

/** The bytes with the check's set_content_length fix applied. */
function fixed(bytes: Uint8Array): Uint8Array {
  const fix = checkResponse(bytes).fixes.find((f) => f.code === 'set_content_length');
  if (!fix) throw new Error('no set_content_length fix offered');
  return applyEdits(bytes, fix.edits);
}

async function updateResponse(bytes: Uint8Array): Promise<void> {
  if (!probe) throw new Error('no server');
  const [info] = (await probe.call('journal.snapshot', {})).servers;
  await probe.call('server.update', { serverId: info?.serverId ?? '', settings: { responder: { kind: 'canned', bytes } } });
}

describe('Content-Length, wrong and fixed', () => {
  it('too long: curl waits for the missing bytes and exits 18; after the fix, 0 and the whole body', async () => {
    const port = await serve(BROKEN_CONTENT_LENGTH_LONG.bytes, BROKEN_CONTENT_LENGTH_LONG.after);
    const broken = await run('curl', ['-sS', `http://127.0.0.1:${port}/`]);
    expect(broken.code).toBe(18);
    expect(broken.stderr).toContain('transfer closed with 7 bytes remaining to read');
    expect(broken.stdout.toString()).toBe('Hello, World!');

    await updateResponse(fixed(BROKEN_CONTENT_LENGTH_LONG.bytes));
    const good = await run('curl', ['-sS', `http://127.0.0.1:${port}/`]);
    expect([good.code, good.stderr, good.stdout.toString()]).toEqual([0, '', 'Hello, World!']);
  });

  it('too short: curl stops at Content-Length; after the fix it gets the whole body', async () => {
    const port = await serve(BROKEN_CONTENT_LENGTH_SHORT.bytes, BROKEN_CONTENT_LENGTH_SHORT.after);
    const broken = await run('curl', ['-sS', `http://127.0.0.1:${port}/`]);
    expect([broken.code, broken.stdout.toString()]).toEqual([0, 'Hello']);

    await updateResponse(fixed(BROKEN_CONTENT_LENGTH_SHORT.bytes));
    const good = await run('curl', ['-sS', `http://127.0.0.1:${port}/`]);
    expect([good.code, good.stderr, good.stdout.toString()]).toEqual([0, '', 'Hello, World!']);
  });
});
