// @vitest-environment happy-dom
// The static responder's fields in the server panel (lesson L4): a relative document root shown as
// the whole path it stands for before Start, taken from the sample site's folder or a chosen one,
// that whole path (and the 404 text) being what Start sends, and the engine's refusal of a root
// said in words. The bridge is the test's own (testing/fake-bridge.ts): the engine's side of this
// is tested on real sockets in main/engine/static-root.test.ts.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseDoc } from '../../../shared/contract/app-settings';
import { renderPanel } from '../../testing/render-panel';
import { ServerPanel } from './server-panel';

function PlainEditor({ doc, onDoc }: { doc: ResponseDoc; onDoc: (doc: ResponseDoc) => void }) {
  return <textarea data-testid="plain-editor" value={doc.text} onChange={(e) => onDoc({ ...doc, text: e.target.value })} />;
}

const SAMPLE = '/opt/wirebench/app/docroot';
const CHOSEN = '/home/learner/lesson-l4';
const field = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const type = (testId: string, value: string): void => void fireEvent.change(field(testId), { target: { value } });

function drawPanel() {
  const drawn = renderPanel(<ServerPanel editor={PlainEditor} />);
  drawn.bridge.answer('files.granted', () => ({ ok: true, value: { sampleRoot: SAMPLE, paths: [CHOSEN], canChoose: true } }));
  return drawn;
}

const start = async (): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('server-start'));
    await Promise.resolve();
  });
};

afterEach(cleanup);

describe('the static document root in the server form', () => {
  it('shows a relative root as the whole path from the sample site’s folder, or a chosen one, before Start, and sends that path', async () => {
    const { bridge } = drawPanel();
    type('server-responder', 'static');
    expect(screen.queryByTestId('server-static-base')).toBeNull(); // the sample site: nothing to resolve
    expect(screen.queryByTestId('server-static-serves')).toBeNull();

    type('server-static-root', './html');
    await waitFor(() => expect(field('server-static-base').value).toBe(SAMPLE));
    expect(screen.getByTestId('server-static-serves').textContent).toBe(`Serves the folder ${SAMPLE}/html`);
    const options = Array.from(screen.getByTestId<HTMLSelectElement>('server-static-base').options, (o) => o.textContent);
    expect(options).toEqual([`the sample site’s folder (${SAMPLE})`, CHOSEN]);

    type('server-static-base', CHOSEN);
    expect(screen.getByTestId('server-static-serves').textContent).toBe(`Serves the folder ${CHOSEN}/html`);
    type('server-static-not-found', 'No such file here.');

    bridge.answer('server.start', () => ({ ok: false, error: { code: 'static_root_missing', params: { root: `${CHOSEN}/html`, errno: 'ENOENT' } } }));
    await start();
    expect(bridge.inputsOf('server.start').map((i) => i.settings?.responder)).toEqual([
      { kind: 'static', root: `${CHOSEN}/html`, notFoundText: 'No such file here.' },
    ]);
    expect(screen.getByTestId('server-error').textContent).toBe(
      `The document root ${CHOSEN}/html cannot be served: it does not exist or is not a folder (the system said ENOENT). Choose a folder that exists, or leave the root empty for the sample site.`,
    );
  });

  it('shows an absolute root as it is, with no folder to choose', () => {
    drawPanel();
    type('server-responder', 'static');
    type('server-static-root', '/srv/www');
    expect(screen.queryByTestId('server-static-base')).toBeNull();
    expect(screen.getByTestId('server-static-serves').textContent).toBe('Serves the folder /srv/www');
  });

  it('says a relative root needs a folder while the host has named none, and does not start', async () => {
    const { bridge } = renderPanel(<ServerPanel editor={PlainEditor} />);
    bridge.answer('files.granted', () => ({ ok: true, value: { sampleRoot: null, paths: [], canChoose: false } }));
    type('server-responder', 'static');
    type('server-static-root', 'html');
    await waitFor(() => expect(bridge.inputsOf('files.granted').length).toBeGreaterThan(0));
    expect(screen.getByTestId('server-static-serves').textContent).toBe(
      'A relative path needs a folder to be taken from: choose one with Choose folder…, or give the whole path.',
    );
    expect(field('server-static-root').getAttribute('aria-invalid')).toBe('true');
    await start();
    expect(bridge.inputsOf('server.start')).toEqual([]);
    expect(screen.getByTestId('server-error').textContent).toBe(
      'The document root is a relative path: choose the folder it is relative to, or give the whole path.',
    );
  });
});
