// @vitest-environment happy-dom
// The Lessons panel drawn alone, with a store and a fake bridge of the test's own (testing/): the
// welcome and its lessons, what "Set up" asks of the engine and puts in the client console, a port
// taken explained, and the program's lines lit, the steps asked and revealed as journal events
// land in the store (as the ingest would put them there). CodeMirror runs for real. The bridge only
// records commands and answers as told; the engine's own journals are traced in
// main/engine/lessons-on-the-wire.test.ts, and the whole path by e2e/lessons-guided.spec.ts.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { LESSON_L1 } from '../../../shared/lessons/lesson-l1';
import { dataEvent, delta, server, summary } from '../../store/test-data';
import { renderPanel, type Drawn } from '../../testing/render-panel';
import { LessonsPanel } from './lessons-panel';

afterEach(cleanup);

const click = async (testId: string, index = 0): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getAllByTestId(testId)[index] as HTMLElement);
    await Promise.resolve();
  });
};

/** The engine as the fake bridge plays it: L1's server starts on 9000, the client connects. */
function answerSetUp(drawn: Drawn): void {
  drawn.bridge.answer('server.start', (input) =>
    ({ ok: true, value: server('srv1', input.port ?? 0, true, { backlog: input.backlog ?? 5, settings: LESSON_L1.server.settings }) }),
  );
  drawn.bridge.answer('client.connect', () => ({
    ok: true,
    value: { ...summary('c1'), resolution: { host: '127.0.0.1', addresses: [], attempts: [] } },
  }));
}

/** Server connection s1's journal arriving, as the ingest would apply it. */
function serverEvents(drawn: Drawn, events: JournalEvent[], closed = false): void {
  act(() => drawn.store.getState().applyDelta(delta([summary('s1', { role: 'server', serverId: 'srv1', closed })], events)));
}

const opened: JournalEvent = {
  connId: 's1',
  seq: 0,
  at: 1000,
  t: 0,
  kind: 'opened',
  role: 'server',
  local: { address: '127.0.0.1', port: 9000, family: 'IPv4' },
  remote: { address: '127.0.0.1', port: 50000, family: 'IPv4' },
  mono: 0,
};
const litCall = (): string | null => screen.getByTestId('lesson-code-host').getAttribute('data-lit-call');

describe('the Lessons panel', () => {
  it('welcomes a first run with the four lessons, on the side column’s Lessons tab; No thanks keeps them listed', async () => {
    const drawn = renderPanel(<LessonsPanel />);
    expect(drawn.store.getState().sideTab).toBe('lessons');
    expect(screen.getByTestId('lessons-welcome').textContent).toContain('New here? Try a lesson');
    expect(screen.getAllByTestId('lesson-choose').map((b) => b.getAttribute('data-lesson'))).toEqual(['l1', 'l2', 'l3', 'l4']);
    await click('lessons-welcome-dismiss');
    expect(screen.queryByTestId('lessons-welcome')).toBeNull();
    expect(screen.getAllByTestId('lesson-choose')).toHaveLength(4);
  });

  it('sets L1 up in one click: its server on 9000 with listen(5), the console connected with the lesson’s request', async () => {
    const drawn = renderPanel(<LessonsPanel />);
    answerSetUp(drawn);
    await click('lesson-choose', 0);
    expect(screen.getByTestId('lesson').getAttribute('data-lesson')).toBe('l1');
    await click('lesson-setup');
    const [start] = drawn.bridge.inputsOf('server.start');
    expect(start).toMatchObject({ host: '127.0.0.1', port: 9000, backlog: 5 });
    expect(start?.settings).toEqual(LESSON_L1.server.settings);
    expect(drawn.bridge.inputsOf('client.connect')[0]).toMatchObject({ host: '127.0.0.1', port: 9000 });
    const session = drawn.store.getState().sessions[0];
    expect(session).toMatchObject({ connId: 'c1', targetText: '127.0.0.1 9000', draft: 'GET http://127.0.0.1/romeo.txt HTTP/1.0\n', ending: 'crlf' });
    expect(screen.getByTestId('lesson-ready').textContent).toContain('127.0.0.1:9000');
    // The server panel's form shows the lesson's server as the one it edits.
    expect(drawn.store.getState().selectedServerId).toBe('srv1');
  });

  it('explains a port taken (EADDRINUSE) and offers the free port the engine suggests', async () => {
    const drawn = renderPanel(<LessonsPanel />);
    drawn.bridge.answer('server.start', (input) =>
      input.port === 9000
        ? { ok: false, error: { code: 'port_in_use', params: { host: '127.0.0.1', port: 9000, suggestion: 9001 } } }
        : { ok: true, value: server('srv1', input.port ?? 0) },
    );
    drawn.bridge.answer('client.connect', () => ({ ok: true, value: { ...summary('c1'), resolution: { host: '127.0.0.1', addresses: [], attempts: [] } } }));
    await click('lesson-choose', 0);
    await click('lesson-setup');
    const problem = screen.getByTestId('lesson-problem');
    expect(problem.textContent).toContain('Port 9000 is taken (EADDRINUSE)');
    await click('lesson-use-port');
    expect(drawn.bridge.inputsOf('server.start').map((x) => x.port)).toEqual([9000, 9001]);
    expect(drawn.bridge.inputsOf('client.connect')[0]?.port).toBe(9001);
    // The program shows the port it really listens on.
    expect(screen.getByTestId('lesson-own-code').textContent).toContain("('127.0.0.1', 9001)");
  });

  it('lights the program’s lines as the events land, and reveals a step once guessed and seen', async () => {
    const drawn = renderPanel(<LessonsPanel />);
    answerSetUp(drawn);
    await click('lesson-choose', 0);
    await click('lesson-setup');
    expect(screen.getByTestId('lesson-caption').textContent).toContain('waits in accept()');

    // Predict first: who sends FIN first?
    expect(screen.getByTestId('lesson-step').getAttribute('data-step')).toBe('send');
    await click('lesson-choice', 0);
    expect(screen.getByTestId('lesson-wait')).toBeTruthy();

    serverEvents(drawn, [opened]);
    expect(litCall()).toBe('accept');
    serverEvents(drawn, [{ ...dataEvent('s1', 1, 'in', 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n'), t: 1 }]);
    expect(litCall()).toBe('recv');
    expect(screen.getByTestId('lesson-caption').textContent).toContain('recv() returned 43 bytes');
    expect(screen.getByTestId('lesson-caption').textContent).toContain('romeo.txt');
    serverEvents(drawn, [{ ...dataEvent('s1', 2, 'out', 'HTTP/1.1 200 OK\r\n\r\n'), t: 2 }, { connId: 's1', seq: 3, at: 1003, t: 3, kind: 'fin_sent' }]);
    expect(litCall()).toBe('shutdown');
    const shutdownLine = LESSON_L1.program(9000).text.split('\n').findIndex((l) => l.includes('conn.shutdown(socket.SHUT_WR)')) + 1;
    expect(screen.getByTestId('lesson-code-host').getAttribute('data-lit-line')).toBe(String(shutdownLine));
    // The lit line is CodeMirror's own, decorated in its document.
    const lit = screen.getByTestId('lesson-code-host').shadowRoot?.querySelector('[data-lit]');
    expect(lit?.textContent).toContain('conn.shutdown(socket.SHUT_WR)');
    expect(screen.getAllByTestId('lesson-trace-item').map((b) => b.getAttribute('data-call'))).toEqual(['accept', 'recv', 'send', 'shutdown']);

    // Seen and guessed: revealed, and pointed at (the server's connection, in the diagram).
    expect(screen.getByTestId('lesson-reveal').textContent).toContain('Right.');
    expect(drawn.store.getState().selectedConnId).toBe('s1');
    expect(drawn.store.getState().journalView).toBe('diagram');
    await click('lesson-show-bytes');
    expect(drawn.store.getState().journalView).toBe('bytes');

    // Picking an earlier call lights its line again, and shows its very bytes.
    await click('lesson-trace-item', 1);
    expect(litCall()).toBe('recv');
    expect(drawn.store.getState().byteSelection).toMatchObject({ connId: 's1', dir: 'in', offset: 0, length: 43 });

    // Next step: the second hang-up; a wrong guess is said so, once it has happened.
    await click('lesson-next');
    expect(screen.getByTestId('lesson-step').getAttribute('data-step')).toBe('hangUp');
    await click('lesson-choice', 2);
    serverEvents(drawn, [{ connId: 's1', seq: 4, at: 1004, t: 4, kind: 'peer_fin' }, { connId: 's1', seq: 5, at: 1005, t: 5, kind: 'closed', hadError: false }], true);
    expect(litCall()).toBe('close');
    expect(screen.getByTestId('lesson-reveal').textContent).toContain('Not quite');
  });
});
