// A resizable group of panes (react-resizable-panels) whose sizes the person chose are kept: read
// once from the store when the group mounts (the app draws after the settings load), and written
// back when a separator is moved by pointer or keyboard, or a pane is folded or restored with its
// toggle. Sizes the library works out by itself (the first layout, a window resized) are not kept,
// so the defaults can improve without a saved copy of them standing in the way.
import { useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { Group, type GroupImperativeHandle, type Layout } from 'react-resizable-panels';
import { useWirebench, useWirebenchStore } from '../store/store-context';
import { paneKey } from '../store/ui-slice';

interface PaneGroupProps {
  id: string;
  orientation: 'horizontal' | 'vertical';
  className?: string;
  /** The group's handle, for a toggle that folds a pane and then keeps the sizes (keepSizes). */
  groupRef?: RefObject<GroupImperativeHandle | null>;
  children: ReactNode;
}

export function PaneGroup({ id, orientation, className, groupRef: given, children }: PaneGroupProps) {
  const store = useWirebenchStore();
  const setPaneSizes = useWirebench((s) => s.setPaneSizes);
  const own = useRef<GroupImperativeHandle | null>(null);
  const groupRef = given ?? own;
  // Read once: later changes come from this group itself.
  const defaultLayout = useMemo(() => storedLayout(store.getState().paneSizes, id), [store, id]);
  return (
    <Group
      id={id}
      orientation={orientation}
      className={className}
      groupRef={groupRef}
      defaultLayout={defaultLayout}
      onLayoutChanged={(layout, meta) => {
        if (meta.isUserInteraction) setPaneSizes(id, meta.requestedLayout ?? layout);
      }}
    >
      {children}
    </Group>
  );
}

/** This group's kept sizes, or undefined for its panes' defaults. */
export function storedLayout(sizes: Readonly<Record<string, number>>, group: string): Layout | undefined {
  const prefix = paneKey(group, '');
  const layout: Layout = {};
  for (const [key, size] of Object.entries(sizes)) if (key.startsWith(prefix)) layout[key.slice(prefix.length)] = size;
  return Object.keys(layout).length > 0 ? layout : undefined;
}
