// @vitest-environment happy-dom
// The "Copy as…" menu works from the keyboard (WAI-ARIA Menu Button: focus goes into the menu,
// arrows move, Escape comes back), copies from the whole journal it asks for, and says what it did.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { createWirebenchStore } from '../../store/store';
import { dataEvent, delta, openedEvent, summary } from '../../store/test-data';
import { renderPanel } from '../../testing/render-panel';
import { CopyAsMenu } from './copy-as-menu';
import { ConnExportButtons } from './export-buttons';

const REQUEST = 'GET /x HTTP/1.1\r\nHost: h.test\r\n\r\n';
const events: JournalEvent[] = [openedEvent('c1'), dataEvent('c1', 1, 'out', REQUEST)];

function drawMenu() {
  const store = createWirebenchStore();
  store.getState().applyDelta(delta([summary('c1')], []));
  const drawn = renderPanel(<CopyAsMenu connId="c1" offset={0} n={1} />, store);
  drawn.bridge.answer('journal.events', () => ({ ok: true, value: { events } }));
  return drawn;
}

describe('CopyAsMenu', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('opens with focus on its first item, moves with the arrows and closes on Escape', async () => {
    drawMenu();
    const button = screen.getByRole('button', { name: 'Copy as… (request 1)' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['curl command', 'printf | nc pipeline', 'Python script']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(items[2] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('copies the request as the chosen form and says so', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const { bridge } = drawMenu();
    fireEvent.click(screen.getByTestId('copy-as'));
    fireEvent.click(screen.getByTestId('copy-as-nc'));
    await waitFor(() => expect(screen.getByTestId('copy-as-note').textContent).toBe('Copied as printf | nc pipeline.'));
    expect(bridge.inputsOf('journal.events')).toEqual([{ connId: 'c1' }]);
    expect(writeText.mock.calls[0]?.[0]).toContain("printf 'GET /x HTTP/1.1\\r\\n'");
  });

  it('says when the clipboard refuses', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText: () => Promise.reject(new Error('denied')) } as unknown as Clipboard);
    drawMenu();
    fireEvent.click(screen.getByTestId('copy-as'));
    fireEvent.click(screen.getByTestId('copy-as-python'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not copy: denied'));
  });
});

describe('ConnExportButtons', () => {
  afterEach(cleanup);

  it('says what an export of evicted payloads lacks', () => {
    renderPanel(<ConnExportButtons conn={summary('c1', { payloadEvicted: true })} />);
    expect(screen.getByTestId('conn-export-evicted').textContent).toContain('headers');
    cleanup();
    renderPanel(<ConnExportButtons conn={summary('c1')} />);
    expect(screen.queryByTestId('conn-export-evicted')).toBeNull();
  });

  it('says why it could not export when the journal cannot be had', async () => {
    renderPanel(<ConnExportButtons conn={summary('c1')} />);
    fireEvent.click(screen.getByTestId('conn-export-har'));
    await waitFor(() => expect(screen.getByTestId('conn-export-failed').textContent).toMatch(/^Could not export: /));
  });
});
