// @vitest-environment happy-dom
// The server panel drawn alone, with a store and a fake bridge of the test's own (testing/): what
// the person sees as they fill the form in, and what reaches the engine when they press Start.
// The bridge only records commands and answers as told; the network is not what is tested here
// (the transports are tested on real sockets in bridge/, the engine in main/, the app by e2e).
// The canned response's editor is a plain textarea: the real one has its own test, and app.tsx
// is what hands it to the panel.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseDoc } from '../../../shared/contract/app-settings';
import { DEFAULT_SERVER_SETTINGS } from '../../../shared/server/defaults';
import { server } from '../../store/test-data';
import { renderPanel } from '../../testing/render-panel';
import { ServerPanel } from './server-panel';

function PlainEditor({ doc, onDoc }: { doc: ResponseDoc; onDoc: (doc: ResponseDoc) => void }) {
  return <textarea data-testid="plain-editor" value={doc.text} onChange={(e) => onDoc({ ...doc, text: e.target.value })} />;
}

/** Drawn with the card open to edit, as the person has it after "Edit settings". */
const drawPanel = () => {
  const drawn = renderPanel(<ServerPanel editor={PlainEditor} />);
  fireEvent.click(screen.getByTestId('server-card-toggle'));
  return drawn;
};
const field = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const type = (testId: string, value: string): void => void fireEvent.change(field(testId), { target: { value } });
/** Start, and let the (already answered) command's promise settle. */
const start = async (): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('server-start'));
    await Promise.resolve();
  });
};

afterEach(cleanup);

describe('the server panel', () => {
  it('folds its settings into a card that says where and how the next server answers, and opens to edit', () => {
    renderPanel(<ServerPanel editor={PlainEditor} />);
    const card = screen.getByTestId('server-card');
    expect(card.textContent).toContain('127.0.0.1:9000');
    expect(card.textContent).toContain('Canned response');
    expect(screen.getByTestId('server-settings').hidden).toBe(true);
    const toggle = screen.getByTestId('server-card-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('server-settings').hidden).toBe(false);
  });

  it('shows the fields of the responder chosen, and says what it does', () => {
    drawPanel();
    expect(screen.getByTestId('plain-editor')).toBeTruthy();
    expect(screen.queryByTestId('server-static-root')).toBeNull();

    type('server-responder', 'static');
    expect(screen.getByTestId('server-static-root')).toBeTruthy();
    expect(screen.queryByTestId('plain-editor')).toBeNull();
    expect(screen.getByTestId('server-responder-hint').textContent).toBe(
      'Serves files from a folder: / means /index.html, a missing file gets 404 Not Found, and no path can leave the folder.',
    );

    type('server-responder', 'routes');
    expect(screen.getByTestId('server-route-add')).toBeTruthy();
    expect(screen.getByText('No routes: every request gets 404 Not Found.')).toBeTruthy();
    expect(screen.queryByTestId('server-static-root')).toBeNull();

    type('server-responder', 'echo');
    for (const id of ['plain-editor', 'server-static-root', 'server-route-add']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it('marks an invalid port at once, and says why on Start without asking the engine', async () => {
    const { bridge } = drawPanel();
    type('server-port', '70000');
    expect(field('server-port').getAttribute('aria-invalid')).toBe('true');
    expect(field('server-host').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('server-error')).toBeNull();

    await start();
    expect(screen.getByTestId('server-error').textContent).toBe('The port must be a whole number from 0 to 65535.');
    expect(bridge.inputsOf('server.start')).toEqual([]);

    type('server-port', '9000');
    expect(field('server-port').getAttribute('aria-invalid')).toBeNull();
  });

  it('starts the server with the settings as parsed from the form, then edits the one running', async () => {
    const { bridge } = drawPanel();
    const settings = { ...DEFAULT_SERVER_SETTINGS, after: 'drip' as const, dripBytes: 4, idleTimeoutMs: 1500 };
    bridge.answer('server.start', () => ({ ok: true, value: server('s1', 9100, true, { settings }) }));
    type('server-port', ' 9100 ');
    type('server-backlog', '16');
    type('server-after', 'drip');
    type('server-drip-bytes', '4');
    type('server-idle-timeout', '1.5');

    await start();
    expect(bridge.inputsOf('server.start')).toEqual([{ host: '127.0.0.1', port: 9100, backlog: 16, exposeToNetwork: false, settings }]);
    expect(screen.getByTestId('server-status').textContent).toBe('Listening on 127.0.0.1:9100');
    expect(screen.getByTestId('server-form').dataset.mode).toBe('edit');
    expect(screen.queryByTestId('server-error')).toBeNull();
  });

  it('shows the sentence for a refused start, and starts again on the free port offered', async () => {
    const { bridge } = drawPanel();
    bridge.answer('server.start', () => ({ ok: false, error: { code: 'port_in_use', params: { host: '127.0.0.1', port: 9000, suggestion: 9001 } } }));

    await start();
    expect(screen.getByTestId('server-error').textContent).toBe(
      'Port 9000 on 127.0.0.1 is already in use: another program (or another Wirebench server) is listening there. Stop it, or use a port that is free, such as 9001.',
    );
    expect(screen.getByTestId('server-form').dataset.mode).toBe('new');

    bridge.answer('server.start', (input) => ({ ok: true, value: server('s1', input.port ?? 0) }));
    const usePort = screen.getByTestId('server-use-port');
    expect(usePort.textContent).toBe('Use port 9001');
    await act(async () => {
      fireEvent.click(usePort);
      await Promise.resolve();
    });
    expect(bridge.inputsOf('server.start').map((i) => i.port)).toEqual([9000, 9001]);
    expect(field('server-port').value).toBe('9001');
    expect(screen.queryByTestId('server-error')).toBeNull();
  });

  it('adds and removes routes, fills in lesson L3’s, and names a route in trouble', async () => {
    const { bridge } = drawPanel();
    type('server-responder', 'routes');
    const rows = () => screen.queryAllByTestId('server-route');
    fireEvent.click(screen.getByTestId('server-route-add'));
    fireEvent.click(screen.getByTestId('server-route-add'));
    expect(rows()).toHaveLength(2);
    fireEvent.change(within(rows()[1]!).getByTestId('server-route-path'), { target: { value: '/second' } });
    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Remove route 1' }));
    expect(rows()).toHaveLength(1);
    expect(within(rows()[0]!).getByTestId<HTMLInputElement>('server-route-path').value).toBe('/second');

    fireEvent.click(screen.getByTestId('server-routes-l3'));
    expect(rows().map((r) => within(r).getByTestId<HTMLInputElement>('server-route-path').value)).toEqual(['/', '/test.jpg']);

    fireEvent.change(within(rows()[1]!).getByTestId('server-route-path'), { target: { value: 'test.jpg' } });
    expect(rows()[1]!.getAttribute('aria-invalid')).toBe('true');
    expect(rows()[0]!.getAttribute('aria-invalid')).toBeNull();
    await start();
    expect(screen.getByTestId('server-error').textContent).toBe('Route 2: the path must start with /.');
    expect(bridge.inputsOf('server.start')).toEqual([]);
  });
});
