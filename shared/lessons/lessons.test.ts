// The lessons as data: each program names every call it makes on exactly one line, holds the very
// bytes Wirebench sends, and its steps ask a question whose answer is among the choices.
import { describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD, L2_HELLO_BARE_LF, L3_FORM } from '../server/presets';
import { NOT_FOUND_REPLY } from './not-found-reply';
import { ServerSettings } from '../server/settings';
import { en } from '../i18n/catalog';
import { LESSON_IDS, PROGRAM_CALLS } from './lesson-types';
import { LESSONS } from './lessons';
import { lineOfCall } from './program-trace';
import { pythonBytesConstant, readPythonBytesConstant } from './testing/python-text';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('the lessons', () => {
  it('are L1 to L4 in order, on the ports LESSONS.md names (L3: 8000)', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
    expect(LESSONS.map((l) => l.server.port)).toEqual([9000, 8888, 8000, 7788]);
    expect(LESSONS.map((l) => l.server.backlog)).toEqual([5, 1, 5, 128]);
  });

  it('set up settings the engine accepts', () => {
    for (const lesson of LESSONS) expect(ServerSettings.safeParse(lesson.server.settings).success).toBe(true);
  });

  it.each(LESSONS.map((l) => [l.label, l] as const))('%s: each anchor is on exactly one line of its program', (_label, lesson) => {
    const program = lesson.program(lesson.server.port);
    const lines = program.text.split('\n');
    for (const call of PROGRAM_CALLS) {
      const anchor = program.anchors[call];
      if (anchor === undefined) continue;
      expect(lines.filter((l) => l.includes(anchor)), `${lesson.label} ${call}`).toHaveLength(1);
      expect(lineOfCall(program, call)).toBeGreaterThan(0);
    }
    // Every lesson's server accepts, reads, answers and closes.
    for (const call of ['listen', 'accept', 'recv', 'close'] as const) expect(lineOfCall(program, call), call).not.toBeNull();
  });

  it('fill the port into both programs', () => {
    for (const lesson of LESSONS) {
      expect(lesson.program(12345).text).toContain("('localhost', 12345)");
      expect(lesson.peer(12345).text).toContain('12345');
      expect(lesson.peer(12345).text).not.toContain(String(lesson.server.port));
    }
  });

  it("hold the lesson's protocol bytes exactly", () => {
    const l1 = LESSONS[0]?.program(9000).text ?? '';
    const l1Response = l1.slice(l1.indexOf('RESPONSE = ('), l1.indexOf(')', l1.indexOf('RESPONSE = (')));
    expect(decode(readPythonBytesConstant(l1Response))).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n',
    );
    expect(readPythonBytesConstant(l1Response)).toEqual(L1_HELLO_WORLD.bytes);
    const l2 = LESSONS[1]?.program(8888).text ?? '';
    expect(l2).toContain('b"HTTP/1.1 200 OK\\n"');
    expect(readPythonBytesConstant(l2.slice(l2.indexOf('RESPONSE = ('), l2.indexOf(')', l2.indexOf('RESPONSE = ('))))).toEqual(L2_HELLO_BARE_LF.bytes);
    expect(LESSONS[0]?.peer(9000).text).toContain('b"GET http://127.0.0.1/romeo.txt HTTP/1.0\\r\\n\\r\\n"');
  });

  it("L3's page and both 404s are the bytes Wirebench sends, written as the tests' writer writes them", () => {
    const page = L3_FORM.routes[0]?.response;
    expect(page?.kind).toBe('bytes');
    const l3 = LESSONS[2]?.program(8000).text ?? '';
    expect(l3).toContain(pythonBytesConstant('PAGE', page?.kind === 'bytes' ? page.bytes : new Uint8Array(0)));
    expect(l3).toContain(pythonBytesConstant('NOT_FOUND', NOT_FOUND_REPLY));
    expect(LESSONS[3]?.program(7788).text).toContain(pythonBytesConstant('NOT_FOUND', NOT_FOUND_REPLY));
  });

  it('write any bytes as Python literals and read them back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = pythonBytesConstant('X', all);
    expect(readPythonBytesConstant(text)).toEqual(all);
    expect(text.split('\n')[1]).toBe('    b"\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n"');
  });

  it('ask each step with the right answer among its choices, in words the catalog has', () => {
    const words = en.ui.lessons as unknown as Record<string, { title: string; steps: Record<string, { question: string; choices: Record<string, string>; reveal: string }> }>;
    for (const lesson of LESSONS) {
      expect(lesson.steps.length).toBeGreaterThan(1);
      for (const step of lesson.steps) {
        expect(step.choices).toContain(step.answer);
        const said = words[lesson.id]?.steps[step.id];
        expect(said?.question, `${lesson.id}.${step.id}`).toBeTruthy();
        expect(said?.reveal).toBeTruthy();
        for (const c of step.choices) expect(said?.choices[c], `${lesson.id}.${step.id}.${c}`).toBeTruthy();
      }
    }
  });
});
