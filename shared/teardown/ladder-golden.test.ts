// Golden files for the teardown diagram (STYLE.md principle 7): each shared/teardown/fixtures/*.md
// holds the journals of one real run (recorded from real sockets by
// main/engine/scenarios/record-teardown-goldens.test.ts) and the diagram expected of them: its
// arrows, and its steps with their English sentences and both sides' standing after each. The
// model must draw exactly that, step by step. And over every file: no step says a side can send or
// receive what it no longer can, each side's states only move forward (RFC 9293 section 3.3.2),
// and nothing goes on the wire after an RST.
// To rewrite the expected blocks from the journals already there (read the diff before committing):
//   WIREBENCH_UPDATE_GOLDENS=1 npx vitest run shared/teardown/ladder-golden.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLadder } from './ladder-model';
import { parseTeardownGolden, renderArrows, renderSteps } from './testing/ladder-golden';
import type { LadderModel, Side } from './ladder-types';
import { canReach, TEARDOWN_SCENARIOS } from './tcp-states';

const DIR = new URL('./fixtures/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const UPDATE = process.env.WIREBENCH_UPDATE_GOLDENS === '1';

function modelOf(file: string): { text: string; model: LadderModel; expected: ReturnType<typeof parseTeardownGolden> } {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const expected = parseTeardownGolden(text);
  const model = buildLadder(expected.journals[0] ?? [], expected.journals[1] ?? null);
  if (!model) throw new Error(`${file}: no opened event in its first journal`);
  return { text, model, expected };
}

it('has a golden file for each of the seven scenarios and for lessons L1 and L2 against their Python servers', () => {
  expect(FILES).toEqual([...TEARDOWN_SCENARIOS, 'l1-python-server', 'l2-python-server'].map((n) => `${n}.md`).sort());
});

for (const file of FILES) {
  describe(file, () => {
    it('draws the arrows and tells the steps the file expects', () => {
      const { text, model, expected } = modelOf(file);
      const got = { arrows: renderArrows(model), steps: renderSteps(model) };
      if (UPDATE) {
        const updated = text.replace(/```arrows\n[\s\S]*?```/, `\`\`\`arrows\n${got.arrows}\n\`\`\``).replace(/```steps\n[\s\S]*?```/, `\`\`\`steps\n${got.steps}\n\`\`\``);
        writeFileSync(new URL(file, DIR), updated);
        return;
      }
      expect(got.arrows).toBe(expected.arrows);
      // Step by step, so that a failure names the first step that differs.
      const steps = got.steps.split(/\n(?=\d+\. )/);
      const want = (expected.steps ?? '').split(/\n(?=\d+\. )/);
      steps.forEach((step, i) => expect(step, `${file}: step ${i + 1}`).toBe(want[i]));
      expect(steps).toHaveLength(want.length);
    });

    it('never goes back a state, never sends after its FIN or an RST, and puts nothing on the wire after an RST', () => {
      const { model } = modelOf(file);
      for (const side of ['client', 'server'] as const satisfies readonly Side[]) {
        const states = model.steps.map((s) => s.states[side].state);
        states.forEach((s, i) => i === 0 || expect(canReach(states[i - 1] as (typeof states)[number], s), `${file} ${side}: ${states[i - 1]} then ${s}`).toBe(true));
        // Once it could not send (or receive), it never can again.
        for (const ability of ['canSend', 'canReceive'] as const) {
          const lost = model.steps.findIndex((s) => !s.states[side][ability]);
          if (lost >= 0) expect(model.steps.slice(lost).every((s) => !s.states[side][ability]), `${file} ${side} ${ability}`).toBe(true);
        }
        // A lane's state changes source only where its state changes: one track, never two.
        model.steps.forEach((s, i) => {
          const before = model.steps[i - 1]?.states[side];
          if (before && before.state === s.states[side].state) expect(s.states[side].source, `${file} ${side} step ${i + 1}`).toBe(before.source);
        });
      }
      const rst = model.arrows.find((a) => a.kind === 'rst');
      if (rst) expect(model.arrows.filter((a) => a.sentT > rst.arrivedT).map((a) => `${a.from} ${a.kind}`)).toEqual([]);
    });
  });
}
