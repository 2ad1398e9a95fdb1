import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../shared/contract/bridge';
import { createWirebenchStore } from '../../store/store';
import { runScenario } from './scenario-commands';

/** A bridge that answers scenario.run with `answer` and records what it was asked. */
function bridgeAnswering(answer: { ok: true; value: unknown } | { ok: false; error: unknown }): Bridge & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    host: 'web',
    asked,
    // One answer whatever the command: typed per command, so it is cast once here.
    invoke: ((name: string, input: unknown) => {
      asked.push({ name, input });
      return Promise.resolve(answer);
    }) as unknown as Bridge['invoke'],
    on: () => () => undefined,
  };
}

describe('runScenario', () => {
  it('runs it, then shows its client connection in the Diagram view, with nothing picked from before', async () => {
    const store = createWirebenchStore();
    store.getState().selectEvent({ connId: 'c0', seq: 3 });
    const bridge = bridgeAnswering({ ok: true, value: { serverId: 's1', clientConnId: 'c2', serverConnId: 'c1' } });
    expect(await runScenario(bridge, store, 'both_close_at_once')).toBeNull();
    expect(bridge.asked).toEqual([{ name: 'scenario.run', input: { scenario: 'both_close_at_once' } }]);
    const s = store.getState();
    expect([s.selectedConnId, s.journalView, s.selectedEvent]).toEqual(['c2', 'diagram', null]);
  });

  it('gives back the error and leaves the selection alone when it could not run', async () => {
    const store = createWirebenchStore();
    const error = { code: 'os_error', params: { errno: 'EMFILE' } } as const;
    expect(await runScenario(bridgeAnswering({ ok: false, error }), store, 'server_resets')).toEqual(error);
    expect(store.getState().selectedConnId).toBeNull();
  });
});
