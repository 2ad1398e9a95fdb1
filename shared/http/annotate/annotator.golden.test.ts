// Golden files for the annotator (STYLE.md principle 7, like nodejs/llhttp's test/request/*.md):
// each `## ` section of shared/http/annotate/fixtures/*.md is a case, with its bytes in an `http`
// block, how they are fed (side, cuts, request methods, FIN) in a meta comment, and the expected
// `spans`, `messages` and `problems` blocks (the format: README.md in that folder). For each case:
//   - the annotation of the bytes, pushed in the pieces the case says, is what the blocks say;
//   - every byte is attributed exactly once;
//   - pushed whole, and in two pieces cut at every offset, it is the same annotation.
// And over all cases: every problem code and every span kind is expected somewhere.
// A case without expected blocks fails and prints what the annotator made of it: check it by hand, then paste.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEM_SEVERITY, SPAN_KINDS } from './annotation';
import { coverageError, feedPieces, methodsOption } from './testing/support';
import { normalise, parseGolden, renderMessages, renderProblems, renderSpans, type GoldenCase } from './testing/golden';

const DIR = new URL('./fixtures/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const CASES = FILES.map((file) => ({ file, cases: parseGolden(readFileSync(new URL(file, DIR), 'utf8')) }));

/** Every split point for small cases; for a long one (the 64 KiB line) the first and last 300 and every 997th. */
function splitPoints(length: number): number[] {
  const all = Array.from({ length: length + 1 }, (_, i) => i);
  return length <= 4096 ? all : all.filter((i) => i < 300 || i > length - 300 || i % 997 === 0);
}

function annotateCase(c: GoldenCase, cuts: readonly number[]) {
  return feedPieces(c.bytes, c.side, cuts, { ...methodsOption(c.requestMethods), maxRecords: c.maxRecords }, c.ended);
}

for (const { file, cases } of CASES) {
  describe(file, () => {
    for (const c of cases) {
      it(c.name, () => {
        const a = annotateCase(c, c.cuts);
        const got = { spans: normalise(renderSpans(a)), messages: normalise(renderMessages(a)), problems: normalise(renderProblems(a)) };
        const missing = (['spans', 'messages', 'problems'] as const).filter((k) => c[k] === undefined);
        if (missing.length > 0) {
          throw new Error(`${file} line ${c.line}: no ${missing.join(', ')} block. The annotator says:\n${missing.map((k) => `\`\`\`${k}\n${got[k]}\n\`\`\``).join('\n\n')}`);
        }
        expect(got.spans, 'spans').toBe(c.spans);
        expect(got.messages, 'messages').toBe(c.messages);
        expect(got.problems, 'problems').toBe(c.problems);
        expect(coverageError(a, c.bytes.length)).toBeNull();
        for (const p of a.problems) expect(p.severity, p.code).toBe(PROBLEM_SEVERITY[p.code]);

        const whole = JSON.stringify(annotateCase(c, []));
        expect(JSON.stringify(a), 'pushed whole').toBe(whole);
        const differs = splitPoints(c.bytes.length).filter((at) => JSON.stringify(annotateCase(c, [at])) !== whole);
        expect(differs, 'split points that change the annotation').toEqual([]);
      });
    }
  });
}

describe('the golden files together', () => {
  const all = CASES.flatMap((f) => f.cases);

  it('expect every problem code at least once', () => {
    const expected = new Set(all.flatMap((c) => (c.problems ?? '').split('\n').map((l) => l.split(' ')[0])));
    expect(PROBLEM_CODES.filter((code) => !expected.has(code))).toEqual([]);
  });

  it('expect every span kind at least once', () => {
    const expected = new Set(all.flatMap((c) => (c.spans ?? '').split('\n').map((l) => l.split('/')[2])));
    expect(SPAN_KINDS.filter((kind) => !expected.has(kind))).toEqual([]);
  });

  it('have case names unique within each file', () => {
    for (const { file, cases } of CASES) expect(new Set(cases.map((c) => c.name)).size, file).toBe(cases.length);
  });
});
