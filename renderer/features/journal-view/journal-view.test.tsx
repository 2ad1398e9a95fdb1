// @vitest-environment happy-dom
// The Events view draws a lesson's short journal whole, and of a busy connection's long one only
// the entries in (or near) sight. (Scrolling to a picked entry needs a laid-out page: e2e.)
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { createWirebenchStore } from '../../store/store';
import { dataEvent, delta, openedEvent, summary } from '../../store/test-data';
import { renderPanel } from '../../testing/render-panel';
import { JournalView } from './journal-view';
import { VIRTUAL_FROM } from './virtual-journal-list';

const NoView = () => null;

function storeWith(count: number) {
  const store = createWirebenchStore();
  const events: JournalEvent[] = [openedEvent('c1')];
  for (let seq = 1; seq < count; seq++) events.push(dataEvent('c1', seq, seq % 2 ? 'in' : 'out', `line ${seq}\r\n`));
  store.getState().applyDelta(delta([summary('c1')], events));
  store.getState().select('c1');
  return store;
}

function entries() {
  return within(screen.getByTestId('journal')).queryAllByTestId('journal-entry');
}

describe('JournalView: Events', () => {
  beforeEach(() => {
    // happy-dom lays nothing out: the scrolled box says it is 600 px tall, as in a window (the
    // virtualizer reads clientHeight).
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'journal' ? 600 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'journal' ? 400 : 0;
    });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('draws a short journal whole, in order', () => {
    renderPanel(<JournalView BytesView={NoView} DiagramView={NoView} />, storeWith(VIRTUAL_FROM - 1));
    const drawn = entries();
    expect(drawn).toHaveLength(VIRTUAL_FROM - 1);
    expect(drawn[0]?.dataset.kind).toBe('opened');
    expect(drawn.at(-1)?.dataset.seq).toBe(String(VIRTUAL_FROM - 2));
  });

  it('draws only the beginning of a long journal, in one list', () => {
    renderPanel(<JournalView BytesView={NoView} DiagramView={NoView} />, storeWith(5000));
    const drawn = entries();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0]?.dataset.kind).toBe('opened');
    expect(screen.getByTestId('journal').querySelectorAll('ol')).toHaveLength(1);
  });
});
