// The workbench's panes (issue 17): the exchange is the main area. From left to right: the side
// column (server card or lessons), the client console at full height, and the connections above
// the journal. Every separator moves with pointer or keyboard (arrows; Enter folds the pane before
// it) and has a name; the side column and the connections fold and come back with the toggles in
// the header too (PaneToggles). Sizes the person chose are kept in the layout settings (pane-group.tsx).
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel, Separator, usePanelRef, type GroupImperativeHandle, type PanelImperativeHandle, type PanelSize } from 'react-resizable-panels';
import { useWirebench } from '../store/store-context';
import { PaneGroup } from './pane-group';
import './layout.css';

export interface WorkbenchSlots {
  side: ReactNode;
  client: ReactNode;
  conns: ReactNode;
  journal: ReactNode;
}

/** The handles the panes and their toggles (in the app's header) share; made once by the app. */
export interface PaneHandles {
  side: RefObject<PanelImperativeHandle | null>;
  conns: RefObject<PanelImperativeHandle | null>;
  main: RefObject<GroupImperativeHandle | null>;
  results: RefObject<GroupImperativeHandle | null>;
  folded: { side: boolean; conns: boolean };
  /** Called with each size of a foldable pane: whether it is folded, and its last open size. */
  sized: (pane: Foldable, size: PanelSize) => void;
  /** The last open size of a pane (percent of its group), to bring it back to. */
  lastOpen: RefObject<Record<Foldable, number | null>>;
}

type Foldable = 'side' | 'conns';

export function usePaneHandles(): PaneHandles {
  const side = usePanelRef();
  const conns = usePanelRef();
  const main = useRef<GroupImperativeHandle | null>(null);
  const results = useRef<GroupImperativeHandle | null>(null);
  const [folded, setFolded] = useState({ side: false, conns: false });
  const lastOpen = useRef<Record<Foldable, number | null>>({ side: null, conns: null });
  const sized = useCallback((pane: Foldable, size: PanelSize) => {
    const value = size.inPixels < 1;
    // The library brings a pane folded by the keyboard back at its minimum; the toggle uses this.
    if (!value) lastOpen.current[pane] = size.asPercentage;
    setFolded((f) => (f[pane] === value ? f : { ...f, [pane]: value }));
  }, []);
  return { side, conns, main, results, folded, sized, lastOpen };
}

export function WorkbenchPanes({ handles, side, client, conns, journal }: WorkbenchSlots & { handles: PaneHandles }) {
  const { t } = useTranslation();
  const { sized } = handles;
  return (
    <PaneGroup id="panes-main" orientation="horizontal" className="pane-group" groupRef={handles.main}>
      <Panel id="pane-side" panelRef={handles.side} collapsible collapsedSize={0} minSize={240} defaultSize="20%" onResize={(size) => sized('side', size)}>
        {side}
      </Panel>
      <Separator id="sep-side" className="pane-separator" aria-label={t('ui.layout.separator.side')} />
      <Panel id="pane-client" minSize={320} defaultSize="44%">
        {client}
      </Panel>
      <Separator id="sep-client" className="pane-separator" aria-label={t('ui.layout.separator.client')} />
      <Panel id="pane-results" minSize={300} defaultSize="36%">
        <PaneGroup id="panes-stack" orientation="vertical" className="pane-group" groupRef={handles.results}>
          <Panel id="pane-conns" panelRef={handles.conns} collapsible collapsedSize={0} minSize={110} defaultSize="26%" onResize={(size) => sized('conns', size)}>
            {conns}
          </Panel>
          <Separator id="sep-conns" className="pane-separator" aria-label={t('ui.layout.separator.conns')} />
          <Panel id="pane-journal" minSize={200} defaultSize="74%">
            {journal}
          </Panel>
        </PaneGroup>
      </Panel>
    </PaneGroup>
  );
}

/** The header's toggles: fold a pane or bring it back at its last size. */
export function PaneToggles({ handles }: { handles: PaneHandles }) {
  const { t } = useTranslation();
  return (
    <div className="pane-toggles" role="group" aria-label={t('ui.layout.panes')}>
      <PaneToggle testId="toggle-side" label={t('ui.layout.toggle.side')} tip={t('ui.layout.toggle.sideTip')} folded={handles.folded.side} pane={handles.side} lastOpen={() => handles.lastOpen.current.side} group={handles.main} groupId="panes-main" />
      <PaneToggle testId="toggle-conns" label={t('ui.layout.toggle.conns')} tip={t('ui.layout.toggle.connsTip')} folded={handles.folded.conns} pane={handles.conns} lastOpen={() => handles.lastOpen.current.conns} group={handles.results} groupId="panes-stack" />
    </div>
  );
}

interface PaneToggleProps {
  testId: string;
  label: string;
  tip: string;
  folded: boolean;
  pane: RefObject<PanelImperativeHandle | null>;
  lastOpen: () => number | null;
  group: RefObject<GroupImperativeHandle | null>;
  groupId: string;
}

/** Folds a pane or brings it back at its last size, and keeps the group's sizes as the person left them. */
function PaneToggle({ testId, label, tip, folded, pane, lastOpen, group, groupId }: PaneToggleProps) {
  const setPaneSizes = useWirebench((s) => s.setPaneSizes);
  return (
    <button
      type="button"
      className="small pane-toggle"
      data-testid={testId}
      aria-pressed={!folded}
      title={tip}
      onClick={() => {
        const panel = pane.current;
        if (!panel) return;
        const size = lastOpen();
        if (!panel.isCollapsed()) panel.collapse();
        else if (size !== null) panel.resize(`${size}%`);
        else panel.expand();
        const layout = group.current?.getLayout();
        if (layout) setPaneSizes(groupId, layout);
      }}
    >
      {label}
    </button>
  );
}
