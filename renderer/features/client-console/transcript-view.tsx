// The terminal-like transcript: what we sent and what came back, in order, told apart by colour
// and by a marker for screen readers; notes for FIN, RST and close in between.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JournalEvent } from '../../../shared/contract/contract';
import { sameBytes } from '../../../shared/bytes/bytes';
import { rstReasonKey, type RstCause } from '../../../shared/teardown/rst-reason';
import { formatAddress } from '../../lib/format';
import { ByteText } from '../../ui/byte-text';
import { describeEvent } from '../../journal/describe-event';
import { buildTranscript, type TranscriptItem } from './transcript';

export function TranscriptView({ events, showControls }: { events: readonly JournalEvent[]; showControls: boolean }) {
  const { t } = useTranslation();
  const transcript = useMemo(() => buildTranscript(events), [events]);
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Follow new output like a terminal, unless the person scrolled up to read.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [transcript]);
  const onScroll = (): void => {
    const el = box.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <div className="transcript" data-testid="client-output" role="log" ref={box} onScroll={onScroll} tabIndex={0}>
      {transcript.blocks.length === 0 && <p className="transcript-empty">{t('ui.client.emptyOutput')}</p>}
      {transcript.totalBytes > transcript.shownBytes && (
        <p className="transcript-note">{t('ui.client.truncated', { shown: transcript.shownBytes, count: transcript.totalBytes })}</p>
      )}
      {transcript.blocks.map((block) => (
        <TranscriptBlockView key={block.key} items={block.items} terminal={!showControls} />
      ))}
    </div>
  );
}

/** One block; redrawn only when its items changed (in practice, only the last block does). */
const TranscriptBlockView = memo(
  function TranscriptBlockView({ items, terminal }: { items: TranscriptItem[]; terminal: boolean }) {
    return (
      <div className="tx-block">
        {items.map((item) => (
          <TranscriptLine key={item.key} item={item} terminal={terminal} />
        ))}
      </div>
    );
  },
  (a, b) => a.terminal === b.terminal && a.items.length === b.items.length && a.items.every((item, i) => sameItem(item, b.items[i])),
);

function sameItem(a: TranscriptItem, b: TranscriptItem | undefined): boolean {
  if (!b || a.key !== b.key || a.type !== b.type) return false;
  if (a.type === 'bytes' && b.type === 'bytes') return sameBytes(a.bytes, b.bytes);
  if (a.type === 'note' && b.type === 'note') return a.event === b.event && a.rstCause === b.rstCause;
  return a.type === 'evicted' && b.type === 'evicted' && a.length === b.length;
}

function TranscriptLine({ item, terminal }: { item: TranscriptItem; terminal: boolean }) {
  const { t } = useTranslation();
  if (item.type === 'bytes') {
    return (
      <span className={`tx tx-${item.dir}`} data-dir={item.dir}>
        <span className="visually-hidden">{t('ui.client.legendSaid', { legend: item.dir === 'out' ? t('ui.client.sentLegend') : t('ui.client.receivedLegend') })} </span>
        <ByteText bytes={item.bytes} terminal={terminal} />
      </span>
    );
  }
  if (item.type === 'evicted') {
    return (
      <span className={`transcript-note tx-${item.dir}`} data-dir={item.dir}>
        {t('ui.client.noteEvicted', { count: item.length })}
      </span>
    );
  }
  return (
    <span className="transcript-note" data-kind={item.event.kind} data-testid={item.event.kind === 'rst_received' ? 'transcript-rst' : undefined}>
      {noteText(item.event, t, item.rstCause)}
    </span>
  );
}

// TFunction, as describeEvent takes it: deriving the type from useTranslation makes TypeScript
// expand the whole typed catalog (TS2589 once the catalog grows).
function noteText(event: Exclude<JournalEvent, { kind: 'data' }>, t: TFunction, rstCause: RstCause | undefined): string {
  switch (event.kind) {
    case 'opened':
      return t('ui.client.noteOpened', { remote: formatAddress(event.remote) });
    case 'peer_fin':
      return t('ui.client.notePeerFin');
    case 'fin_sent':
      return t('ui.client.noteFinSent');
    case 'rst_sent':
      return t('ui.client.noteRstSent');
    case 'rst_received':
      // A console's connection is a client's: its peer is the server.
      return rstCause ? t('ui.client.noteRstReceived', { reason: t(rstReasonKey('client', rstCause)) }) : t('ui.journal.rstReceived', { how: t(`rst.how.${event.how}`) });
    case 'error':
      // The same words as the journal's: the code, and what it means.
      return describeEvent(event, t);
    case 'closed':
      return t('ui.client.noteClosed');
    // Server-side events: a console's own connection has none, but a note never goes blank.
    case 'queued':
    case 'dequeued':
    case 'timeout':
    case 'note':
    case 'tcp_state':
      return describeEvent(event, t);
  }
}
