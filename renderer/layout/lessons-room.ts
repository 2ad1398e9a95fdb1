// A lesson shows its program beside the exchange: at the side column's usual fifth of the window
// its lines wrap mid-word. Opening the Lessons tab widens the column to LESSONS_SHARE, taking the
// room from the console and the results alike (each keeps its minimum: the group checks), and
// going back to the server card restores the widths as they were, unless the person moved a
// separator meanwhile. Neither change is the person's own, so neither is kept in the settings
// (pane-group.tsx keeps only what a person did).
import { useEffect, useRef } from 'react';
import type { Layout } from 'react-resizable-panels';
import { useWirebench } from '../store/store-context';
import { selectSideTab } from '../store/ui-slice';
import type { PaneHandles } from './workbench-panes';

/** The side column's share of the window (percent) while a lesson's program is shown. */
const LESSONS_SHARE = 30;

export function useRoomForLessons(handles: PaneHandles): void {
  const tab = useWirebench(selectSideTab);
  const { main, side } = handles;
  /** The layout before the lessons widened the column, and the one they made. */
  const widened = useRef<{ before: Layout; after: Layout } | null>(null);
  useEffect(() => {
    const group = main.current;
    if (!group || side.current?.isCollapsed()) return;
    const layout = group.getLayout();
    if (tab === 'lessons') {
      const wider = widerSide(layout, LESSONS_SHARE);
      if (wider) widened.current = { before: layout, after: group.setLayout(wider) };
    } else if (widened.current) {
      if (sameLayout(layout, widened.current.after)) group.setLayout(widened.current.before);
      widened.current = null;
    }
  }, [tab, main, side]);
}

/** The layout with the side pane at `share`, half the room from each other pane; null if already as wide. */
export function widerSide(layout: Layout, share: number): Layout | null {
  const sideNow = layout['pane-side'];
  const client = layout['pane-client'];
  const results = layout['pane-results'];
  if (sideNow === undefined || client === undefined || results === undefined || sideNow >= share) return null;
  const half = (share - sideNow) / 2;
  return { 'pane-side': share, 'pane-client': client - half, 'pane-results': results - half };
}

function sameLayout(a: Layout, b: Layout): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => Math.abs((a[k] ?? -1) - (b[k] ?? -1)) < 0.5);
}
