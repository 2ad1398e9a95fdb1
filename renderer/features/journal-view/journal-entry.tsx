// One line of a connection's journal; data entries also show their bytes, glyphs and all.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JournalEvent } from '../../../shared/contract/contract';
import { ByteText } from '../../ui/byte-text';
import { Elapsed } from '../../ui/elapsed';
import { selectRstReasonKey } from '../../store/rst-select';
import { useWirebench } from '../../store/store-context';
import { describeEvent } from '../../journal/describe-event';

/**
 * Bytes drawn per entry until asked for more: a lesson's chunks are far smaller, while a download's
 * are up to 64 KiB each, and drawing all of them would stall the page.
 */
export const PREVIEW_BYTES = 2048;

interface JournalEntryProps {
  event: JournalEvent;
  selected?: boolean;
  /** In a virtualized journal (virtual-journal-list.tsx): its place in the list, and how it is measured. */
  index?: number;
  measure?: (element: HTMLLIElement | null) => void;
}

export const JournalEntry = memo(function JournalEntry({ event, selected = false, index, measure }: JournalEntryProps) {
  const { t } = useTranslation();
  const dir = event.kind === 'data' ? event.dir : undefined;
  const ref = useRef<HTMLLIElement>(null);
  const setRef = useCallback(
    (element: HTMLLIElement | null) => {
      ref.current = element;
      measure?.(element);
    },
    [measure],
  );
  // The peer's RST says why it came (from the connection's earlier events): null for every other entry.
  const rstReason = useWirebench(event.kind === 'rst_received' ? selectRstReasonKey(event.connId) : noReason);
  // Picked elsewhere (the teardown diagram): bring it into sight.
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={setRef}
      data-index={index}
      className={`journal-entry kind-${event.kind}${dir ? ` dir-${dir}` : ''}${selected ? ' selected' : ''}`}
      data-testid="journal-entry"
      data-kind={event.kind}
      data-dir={dir}
      data-at={event.at}
      data-seq={event.seq}
      aria-current={selected || undefined}
    >
      <Elapsed ms={event.t} t={t} />
      <span className="what">{describeEvent(event, t)}</span>
      {rstReason && <p className="rst-reason">{t(rstReason)}</p>}
      {event.kind === 'data' && (
        <div className="payload">
          {event.bytes === null ? (
            <p className="evicted">{t('ui.journal.evicted', { count: event.length })}</p>
          ) : (
            <Payload bytes={event.bytes} t={t} />
          )}
        </div>
      )}
    </li>
  );
});

const noReason = (): null => null;

/** Its parent's `t`, as Elapsed takes it: one useTranslation per entry, not one per part. */
function Payload({ bytes, t }: { bytes: Uint8Array; t: TFunction }) {
  const [all, setAll] = useState(false);
  const cut = !all && bytes.length > PREVIEW_BYTES;
  return (
    <>
      <pre className="bytes">
        <ByteText bytes={cut ? bytes.subarray(0, PREVIEW_BYTES) : bytes} />
      </pre>
      {cut && (
        <p className="evicted">
          {t('ui.journal.truncated', { count: bytes.length - PREVIEW_BYTES })}{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {t('ui.journal.showAll', { count: bytes.length })}
          </button>
        </p>
      )}
    </>
  );
}
