// @vitest-environment happy-dom
// A panel that throws while drawing shows its fallback in its own place only; the panels beside it
// keep working; "Copy details" copies a bug report; "Reload this panel" draws it afresh.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../shared/i18n/catalog';
import { PanelBoundary, PanelHealthContext, type PanelHealth } from './panel-boundary';
import type { PanelId } from './panel-ids';

const i18n = createI18n('en');

/** Throws while `broken.now` is true; says when it mounts. */
function Fragile({ broken, onMount }: { broken: { now: boolean }; onMount: () => void }) {
  useEffect(() => onMount(), [onMount]);
  if (broken.now) throw new TypeError("Cannot read properties of undefined (reading 'length')");
  return <p data-testid="fragile">drawn</p>;
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

function renderPanels(broken: { now: boolean }, mounts: { count: number }, health?: PanelHealth, panel: PanelId = 'bytes') {
  const onMount = (): void => {
    mounts.count += 1;
  };
  return render(
    <I18nextProvider i18n={i18n}>
      <PanelHealthContext value={health ?? { failed: () => {}, recovered: () => {} }}>
        <div data-testid="left">
          <PanelBoundary panel={panel}>
            <Fragile broken={broken} onMount={onMount} />
          </PanelBoundary>
        </div>
        <div data-testid="right">
          <PanelBoundary panel="client">
            <Counter />
          </PanelBoundary>
        </div>
      </PanelHealthContext>
    </I18nextProvider>,
  );
}

describe('PanelBoundary', () => {
  beforeEach(() => {
    // React reports every caught error on the console; expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the fallback in the failing panel only, and the panel beside it keeps working', () => {
    renderPanels({ now: true }, { count: 0 });
    const left = screen.getByTestId('left');
    const alert = within(left).getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Bytes');
    // The sentence says what is missing; the error's message is a detail apart from it.
    expect(alert.textContent).toContain('Something went wrong while drawing the Bytes view, so it cannot be shown.');
    expect(within(alert).getByTestId('panel-failed-message').textContent).toBe("TypeError: Cannot read properties of undefined (reading 'length')");
    expect(within(alert).getByRole('button', { name: 'Copy details' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Reload this panel' })).toBeTruthy();

    const right = screen.getByTestId('right');
    expect(within(right).queryByRole('alert')).toBeNull();
    fireEvent.click(within(right).getByRole('button'));
    expect(within(right).getByRole('button').textContent).toBe('clicked 1');
  });

  it('has its buttons reachable by keyboard: real, enabled buttons, in the tab order', () => {
    renderPanels({ now: true }, { count: 0 });
    for (const button of within(screen.getByRole('alert')).getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect((button as HTMLButtonElement).disabled).toBe(false);
      expect(button.tabIndex).toBe(0);
      button.focus();
      expect(document.activeElement).toBe(button);
    }
  });

  it('copies the panel, the error, its stack, the component stack and the version', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanels({ now: true }, { count: 0 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied).toMatch(/^Wirebench \S+\n/);
    expect(copied).toContain('Panel: Bytes (bytes)');
    expect(copied).toContain("Error: TypeError: Cannot read properties of undefined (reading 'length')");
    expect(copied).toMatch(/Stack:\nTypeError: Cannot read properties/);
    expect(copied).toMatch(/Component stack:\n[\s\S]*Fragile/);
    expect(screen.getByTestId('panel-copy-status').textContent).toBe('Details copied.');
  });

  it('shows the details to copy by hand when the clipboard refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('not allowed')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanels({ now: true }, { count: 0 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
      await Promise.resolve();
    });
    expect(screen.getByTestId('panel-copy-status').textContent).toContain('Could not copy');
    expect(screen.getByTestId('panel-failed-details').closest('details')?.open).toBe(true);
  });

  it('draws the panel afresh on Reload: it mounts again, and the failure is over', () => {
    const broken = { now: true };
    const mounts = { count: 0 };
    const health = { failed: vi.fn(), recovered: vi.fn() };
    renderPanels(broken, mounts, health);
    expect(health.failed).toHaveBeenCalledWith('bytes');
    expect(mounts.count).toBe(0);

    broken.now = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload this panel' }));
    expect(screen.getByTestId('fragile').textContent).toBe('drawn');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(mounts.count).toBe(1);
    expect(health.recovered).toHaveBeenCalledWith('bytes');
  });

  it('fails again on Reload while the problem is still there, and is still counted as failed', () => {
    const failing = new Set<PanelId>();
    const health = { failed: vi.fn((p: PanelId) => failing.add(p)), recovered: vi.fn((p: PanelId) => failing.delete(p)) };
    renderPanels({ now: true }, { count: 0 }, health);
    fireEvent.click(screen.getByRole('button', { name: 'Reload this panel' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(health.failed).toHaveBeenCalledTimes(2);
    expect([...failing]).toEqual(['bytes']);
  });

  it('draws afresh when a reset key changes, and reports the panel that failed as recovered', () => {
    const health = { failed: vi.fn(), recovered: vi.fn() };
    function Journal({ view }: { view: 'bytes' | 'events' }) {
      return (
        <PanelBoundary panel={view} resetKeys={[view]}>
          {view === 'bytes' ? <Fragile broken={{ now: true }} onMount={() => {}} /> : <p>events</p>}
        </PanelBoundary>
      );
    }
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <PanelHealthContext value={health}>
          <Journal view="bytes" />
        </PanelHealthContext>
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <I18nextProvider i18n={i18n}>
        <PanelHealthContext value={health}>
          <Journal view="events" />
        </PanelHealthContext>
      </I18nextProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('events')).toBeTruthy();
    expect(health.recovered).toHaveBeenCalledWith('bytes');
  });

  it('takes a failed panel off the list once its fallback goes away with it', () => {
    const health = { failed: vi.fn(), recovered: vi.fn() };
    const tree = (shown: boolean) => (
      <I18nextProvider i18n={i18n}>
        <PanelHealthContext value={health}>
          {shown && (
            <PanelBoundary panel="bytesHex">
              <Fragile broken={{ now: true }} onMount={() => {}} />
            </PanelBoundary>
          )}
        </PanelHealthContext>
      </I18nextProvider>
    );
    const { rerender } = render(tree(true));
    expect(health.failed).toHaveBeenCalledWith('bytesHex');
    expect(health.recovered).not.toHaveBeenCalled();
    rerender(tree(false)); // another byte mode, another connection
    expect(health.recovered).toHaveBeenCalledWith('bytesHex');
  });
});
