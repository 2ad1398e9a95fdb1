// The static responder, asked directly (no network): files, folders, types, errors, and every way a
// path might try to leave the document root.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFilesResponder } from './static-files';
import { MAX_FILE_BYTES } from './read-file';
import { ask, get, statusOf } from './testing/ask';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';

let base: string;
let root: string;
const BINARY = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7 + 3) % 256));

beforeAll(() => {
  // base/secret.txt and base/package.json are outside base/site, the document root.
  base = mkdtempSync(join(tmpdir(), 'wirebench-static-'));
  root = join(base, 'site');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(root, 'a'), { recursive: true });
  mkdirSync(join(root, 'empty-folder'), { recursive: true });
  mkdirSync(join(base, 'site-other'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'package.json'), SECRET);
  writeFileSync(join(base, 'site-other', 'x.txt'), SECRET);
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'sub', 'index.html'), '<p>sub</p>');
  writeFileSync(join(root, 'data.bin'), BINARY);
  writeFileSync(join(root, 'notes.TXT'), 'plain');
  writeFileSync(join(root, 'a b.txt'), 'space');
  writeFileSync(join(root, 'café.txt'), 'accent');
  writeFileSync(join(root, 'empty.css'), '');
  writeFileSync(join(root, 'no-extension'), 'bytes');
  // Symlinks: one to a file outside, one to a folder outside, a sibling folder whose name starts
  // like the root's, and one that stays inside (allowed).
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(base, join(root, 'linkdir'));
  symlinkSync(join(base, 'site-other'), join(root, 'other'));
  symlinkSync(join(root, 'notes.TXT'), join(root, 'link-in.txt'));
  execFileSync('mkfifo', [join(root, 'pipe.txt')]);
  writeFileSync(join(root, 'huge.bin'), '');
  truncateSync(join(root, 'huge.bin'), MAX_FILE_BYTES + 1); // sparse: costs no disk
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = () => staticFilesResponder(root);

describe('static files: what is served', () => {
  it('answers / with index.html: headers in one write, the body in a second', async () => {
    const answer = await ask(serve(), get('/'));
    expect(answer.writes.map((w) => w.toString('latin1'))).toEqual([
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 11\r\n\r\n',
      '<p>home</p>',
    ]);
    expect(answer.notes).toEqual([{ code: 'static_file', params: { path: '/', file: 'index.html', contentType: 'text/html; charset=utf-8' } }]);
  });

  it('answers a folder with its index.html, with or without the trailing slash', async () => {
    for (const target of ['/sub', '/sub/', '/sub/index.html', '/./sub//index.html']) {
      const answer = await ask(serve(), get(target));
      expect(answer.writes[1]?.toString(), target).toBe('<p>sub</p>');
      expect(answer.notes[0]?.params.file).toBe('sub/index.html');
    }
  });

  it('sends binary files byte for byte, typed by extension', async () => {
    const answer = await ask(serve(), get('/data.bin'));
    expect(answer.writes[1]?.equals(BINARY)).toBe(true);
    expect(answer.text).toContain('Content-Type: application/octet-stream\r\nContent-Length: 512\r\n');
  });

  it.each([
    ['/notes.TXT', 'text/plain; charset=utf-8'],
    ['/no-extension', 'application/octet-stream'],
    ['/empty.css', 'text/css; charset=utf-8'],
  ])('types %s as %s', async (target, type) => {
    expect((await ask(serve(), get(target))).text).toContain(`Content-Type: ${type}\r\n`);
  });

  it('sends an empty file as headers alone, with Content-Length: 0', async () => {
    const answer = await ask(serve(), get('/empty.css'));
    expect(answer.writes).toHaveLength(1);
    expect(answer.text).toContain('Content-Length: 0\r\n\r\n');
  });

  it('decodes percent-encoded names, UTF-8 included, and ignores the query', async () => {
    expect((await ask(serve(), get('/a%20b.txt'))).writes[1]?.toString()).toBe('space');
    expect((await ask(serve(), get('/caf%C3%A9.txt?x=1#frag'))).writes[1]?.toString()).toBe('accent');
    expect((await ask(serve(), get('/index.html?../../secret.txt'))).writes[1]?.toString()).toBe('<p>home</p>');
  });

  it('takes the path of an absolute-form target, as lesson L1 client sends it', async () => {
    const answer = await ask(serve(), 'GET http://127.0.0.1/sub/ HTTP/1.0\r\n\r\n');
    expect(answer.writes[1]?.toString()).toBe('<p>sub</p>');
    expect((await ask(serve(), 'GET http://127.0.0.1 HTTP/1.0\r\n\r\n')).writes[1]?.toString()).toBe('<p>home</p>');
  });

  it('follows a symlink that stays inside the root', async () => {
    expect((await ask(serve(), get('/link-in.txt'))).writes[1]?.toString()).toBe('plain');
  });

  it('answers HEAD with the same headers and no body', async () => {
    const answer = await ask(serve(), get('/data.bin', 'HEAD'));
    expect(answer.writes).toHaveLength(1);
    expect(answer.text).toBe('HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 512\r\n\r\n');
  });

  it('serves the sample root shipped with the app: the page that asks for test.jpg, and the image', async () => {
    const sample = staticFilesResponder(SAMPLE_ROOT);
    expect((await ask(sample, get('/'))).text).toContain('<img src="test.jpg"');
    const image = await ask(sample, get('/test.jpg'));
    expect(image.text).toContain('Content-Type: image/jpeg\r\n');
    expect(image.writes[1]?.equals(readFileSync(join(SAMPLE_ROOT, 'test.jpg')))).toBe(true);
    expect(statusOf(await ask(sample, get('/favicon.ico')))).toBe(404); // missing on purpose
  });
});

describe('static files: errors', () => {
  it('answers a missing file with 404 and a short text body', async () => {
    const answer = await ask(serve(), get('/nope.html'));
    expect(answer.writes.map((w) => w.toString())).toEqual([
      'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 14\r\n\r\n',
      '404 Not Found\n',
    ]);
    expect(answer.notes).toEqual([{ code: 'static_not_found', params: { path: '/nope.html' } }]);
  });

  it('answers 404 for a folder without index.html, a FIFO (without blocking), and a file used as a folder', async () => {
    for (const target of ['/empty-folder/', '/pipe.txt', '/index.html/x']) {
      expect(statusOf(await ask(serve(), get(target))), target).toBe(404);
    }
  });

  it('answers methods other than GET and HEAD with 405 and Allow', async () => {
    const answer = await ask(serve(), 'POST /index.html HTTP/1.1\r\nContent-Length: 0\r\n\r\n');
    expect(answer.text).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n.*Allow: GET, HEAD\r\n\r\n405 Method Not Allowed\n$/s);
    expect(answer.notes).toEqual([{ code: 'method_not_allowed', params: { method: 'POST', allow: 'GET, HEAD' } }]);
  });

  it('answers 400 to bytes that are not a request, and to a target that is not a path', async () => {
    const garbage = await ask(serve(), '\x16\x03\x01 hello\r\n\r\n');
    expect(statusOf(garbage)).toBe(400);
    expect(garbage.notes).toEqual([{ code: 'request_invalid', params: { reason: 'no_request_head' } }]);
    const star = await ask(serve(), 'GET * HTTP/1.1\r\n\r\n');
    expect(statusOf(star)).toBe(400);
    expect(star.notes[0]?.code).toBe('target_not_a_path');
  });

  it('answers 500 with a note when there is no root, or the root is missing', async () => {
    const none = await ask(staticFilesResponder(null), get('/'));
    expect(statusOf(none)).toBe(500);
    expect(none.notes).toEqual([{ code: 'static_no_root', params: {} }]);
    const missing = await ask(staticFilesResponder(join(base, 'no-such-folder')), get('/'));
    expect(statusOf(missing)).toBe(500);
    expect(missing.notes[0]).toMatchObject({ code: 'static_root_missing', params: { code: 'ENOENT' } });
    const file = await ask(staticFilesResponder(join(base, 'secret.txt')), get('/'));
    expect(file.notes[0]).toMatchObject({ code: 'static_root_missing', params: { code: 'ENOTDIR' } });
  });

  it('hands a file larger than it reads first over open, to be streamed, without reading it', async () => {
    const answer = await ask(serve(), get('/huge.bin'));
    expect(statusOf(answer)).toBe(200);
    expect(answer.text).toContain(`Content-Length: ${MAX_FILE_BYTES + 1}\r\n`);
    expect(answer.writes).toHaveLength(1);
    expect(answer.streamed).toEqual({ size: MAX_FILE_BYTES + 1, name: 'huge.bin' });
    const head = await ask(serve(), get('/huge.bin', 'HEAD'));
    expect(head.streamed).toBeNull();
  });
});

describe('static files: paths never leave the root', () => {
  it.each([
    ['/../secret.txt', 'dot_dot'],
    ['/sub/../../secret.txt', 'dot_dot'],
    ['/%2e%2e/secret.txt', 'dot_dot'],
    ['/%2E%2e/%2e%2E/secret.txt', 'dot_dot'],
    ['/.%2e/secret.txt', 'dot_dot'],
    ['/..%2fsecret.txt', 'encoded_slash'],
    ['/..%2Fsecret.txt', 'encoded_slash'],
    ['/a/..%5c..%5csecret.txt', 'encoded_slash'],
    ['/a/..\\..\\secret.txt', 'backslash'],
    ['/secret.txt%00.html', 'nul'],
    ['/%zz', 'bad_percent'],
    ['/%2', 'bad_percent'],
    ['/%c3%28', 'bad_utf8'],
    ['/%2f%2fetc/passwd', 'encoded_slash'],
    ['//etc/passwd', 'absolute'],
    ['/C:/Windows/win.ini', 'absolute'],
    ['http://127.0.0.1/../secret.txt', 'dot_dot'],
    ['http://127.0.0.1/%2e%2e/secret.txt', 'dot_dot'],
    ['/link-out.txt', 'symlink_outside'],
    ['/linkdir/secret.txt', 'symlink_outside'],
    ['/other/x.txt', 'symlink_outside'],
  ])('refuses %s (%s) with 403', async (target, reason) => {
    const answer = await ask(serve(), get(target));
    expect(statusOf(answer)).toBe(403);
    expect(answer.text).not.toContain(SECRET);
    expect(answer.notes).toEqual([{ code: 'path_refused', params: { target, reason } }]);
  });

  it('refuses on HEAD too, with headers only', async () => {
    const answer = await ask(serve(), get('/../secret.txt', 'HEAD'));
    expect(answer.writes).toHaveLength(1);
    expect(answer.text).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
  });
});
