// The door measures an input before its schema parses it (issue 15, item 1): the Electron IPC
// path hands dispatch a structured clone, with no JSON text the WebSocket door could have refused.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineProbe } from './testing/engine-probe';
import { inputOutOfBounds, MAX_INPUT_DEPTH, MAX_INPUT_NODES } from './input-bounds';

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

let probe: EngineProbe | undefined;
afterEach(async () => probe?.engine.close());

describe('input bounds', () => {
  it('refuses an input nested 2,000 and 200,000 deep with bad_input, and the door answers after', async () => {
    probe = new EngineProbe();
    for (const depth of [2_000, 200_000]) {
      const result = await probe.dispatch('settings.save', { section: 'server', value: { draft: { port: nestedArrays(depth) } } });
      expect(result).toEqual({ ok: false, error: { code: 'bad_input', params: { command: 'settings.save', issues: `(input): nested deeper than ${MAX_INPUT_DEPTH} levels` } } });
    }
    expect(await probe.dispatch('app.info', {})).toMatchObject({ ok: true });
  });

  it('counts values, but bytes as one', () => {
    expect(inputOutOfBounds({ bytes: new Uint8Array(10_000_000) })).toBeNull();
    expect(inputOutOfBounds({ list: new Array(MAX_INPUT_NODES + 1).fill(0) })).toBe(`(input): more than ${MAX_INPUT_NODES} values`);
    expect(inputOutOfBounds(nestedArrays(MAX_INPUT_DEPTH - 1))).toBeNull();
    expect(inputOutOfBounds(nestedArrays(MAX_INPUT_DEPTH))).not.toBeNull();
  });
});
