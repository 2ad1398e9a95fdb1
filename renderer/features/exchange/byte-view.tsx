// The journal panel's second view of a connection: its bytes each way as the streams TCP gives,
// in text, hex, or both side by side, every read and write marked with its time, the HTTP parts
// coloured and named, and a structure tree and problems list beside. One selection (the store's)
// for all of them; copy it as text, as an escaped string, or as hex.
import { useId, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { selectByteSelection } from '../../store/selection-slice';
import { useWirebench } from '../../store/store-context';
import { PanelBoundary } from '../../ui/panel-boundary';
import { CopyButtons } from './copy-buttons';
import { partOf, rangeText } from './describe-byte';
import { requestDir } from './exchange-annotator';
import { HexPane } from './hex-pane';
import { StructurePanel, type RequestActions } from './structure-panel';
import { TextPane } from './text-pane';
import { useExchange } from './use-exchange';
import { usePayloadPages } from './use-payload-pages';
import './exchange.css';
import './annotation.css';

export const BYTE_MODES = ['text', 'hex', 'split'] as const;
export type ByteMode = (typeof BYTE_MODES)[number];

interface Props {
  connId: string;
  conn: ConnSummary;
  events: readonly JournalEvent[];
  /** The panel has the room of the whole workbench (the journal panel's Larger). */
  roomy: boolean;
  /** At the toolbar's end: what can be done with the whole connection (features/export, handed in by app.tsx). */
  ConnActions?: ComponentType<{ conn: ConnSummary }>;
  /** Beside each request in the structure tree (features/export's Copy as…, handed in by app.tsx). */
  RequestActions?: RequestActions;
}

export function ByteView({ connId, conn, events, roomy, ConnActions, RequestActions }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ByteMode>('split');
  // Shown when there is room for it, until the person says otherwise.
  const [structureChoice, setStructure] = useState<boolean | null>(null);
  const structure = structureChoice ?? roomy;
  // What the last copy did, shown until the selection changes.
  const [note, setNote] = useState<{ text: string; for: unknown } | null>(null);
  const statusId = useId();
  const { exchange, annotations } = useExchange(events, conn);
  const pages = usePayloadPages(connId, exchange);
  const selection = useWirebench(selectByteSelection(connId));
  const req = requestDir(conn.role);
  const order = [req, req === 'in' ? 'out' : 'in'] as const;
  const paneProps = {
    connId,
    exchange,
    annotations,
    selection,
    source: pages.source,
    want: pages.want,
    role: conn.role,
    describedBy: statusId,
  };
  const dropped = exchange.in.base + exchange.out.base;
  const hasStructure = annotations.in !== undefined || annotations.out !== undefined;

  let status: string = t('ui.bytes.hint');
  if (selection) {
    // The part the caret is in, and its bytes when they are not just the selection.
    const part = partOf(annotations[selection.dir], selection.focus, t);
    status = t('ui.bytes.selected', { range: rangeText(selection.offset, selection.length, t) });
    if (part) status += ` · ${part.text}`;
    if (part && (part.offset !== selection.offset || part.length !== selection.length)) status += ` ${rangeText(part.offset, part.length, t)}`;
  }

  return (
    <div className="byte-view" data-testid="byte-view">
      <div className="byte-toolbar">
        <div className="segmented" role="group" aria-label={t('ui.bytes.modes')}>
          {BYTE_MODES.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} data-testid={`bytes-mode-${m}`} title={t(`ui.bytes.${m}Title`)} onClick={() => setMode(m)}>
              {t(`ui.bytes.${m}`)}
            </button>
          ))}
        </div>
        <CopyButtons selection={selection} ensure={pages.ensure} onNote={(text) => setNote({ text, for: selection })} />
        {hasStructure && (
          <button type="button" aria-pressed={structure} data-testid="bytes-structure" title={t('ui.annotation.structureTitle')} onClick={() => setStructure(!structure)}>
            {t('ui.annotation.structure')}
          </button>
        )}
        {ConnActions && <ConnActions conn={conn} />}
      </div>
      {dropped > 0 && <p className="byte-note">{t('ui.bytes.dropped', { bytes: t('ui.bytes.byteCount', { count: dropped }) })}</p>}
      {exchange.chunks.length === 0 ? (
        <p className="empty">{t('ui.bytes.none')}</p>
      ) : (
        <div className={`byte-body mode-${mode}${structure && hasStructure ? ' with-structure' : ''}`}>
          {/* One boundary per pane: a pane that fails leaves the others, and the mode buttons, working. */}
          {mode !== 'hex' && (
            <PanelBoundary panel="bytesText">
              <TextPane {...paneProps} />
            </PanelBoundary>
          )}
          {mode !== 'text' && (
            <PanelBoundary panel="bytesHex">
              <HexPane {...paneProps} />
            </PanelBoundary>
          )}
          {structure && hasStructure && (
            <PanelBoundary panel="structure">
              <StructurePanel connId={connId} exchange={exchange} annotations={annotations} order={order} selection={selection} RequestActions={RequestActions} />
            </PanelBoundary>
          )}
        </div>
      )}
      <p className="byte-status" id={statusId} data-testid="bytes-status" aria-live="polite">
        {note && note.for === selection ? note.text : status}
      </p>
    </div>
  );
}
