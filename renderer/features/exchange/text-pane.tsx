// The text view: the bytes as lines of text, each line ending after its LF, with CR, LF, TAB and
// every other control byte drawn as a badge (shared/bytes/bytes.ts decides, as in the journal), so the
// line ends a learner must see are there. Lines are wrapped to the pane's width; a big exchange is
// counted a slice per frame (text-layout.ts), the part on screen first.
import type { TFunction } from 'i18next';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../shared/http/annotate/annotation';
import type { Dir, Role } from '../../../shared/contract/contract';
import type { ByteSelection } from '../../store/state-types';
import { BytePane, type BytePaneProps } from './byte-pane';
import type { ByteSource, ReadResult } from './byte-source';
import type { ByteRow } from './hex-layout';
import { ChunkMark, MissingBytes, SegmentHead } from './row-parts';
import { marksClass, rowMarks } from './row-marks';
import { sameBytes, sameRow, selectionInRow } from './row-memo';
import { textCells } from './text-cells';
import { TEXT_BLOCK, TextLayoutCache, textLayout } from './text-layout';
import '../../ui/byte-text.css';

type PaneProps = Omit<BytePaneProps, 'layout' | 'renderRow' | 'label' | 'className' | 'testId'> & { source: ByteSource; role: Role };

/** Bytes counted per frame: some 6 ms (text-layout.ts). */
const COUNT_PER_FRAME = 2 * 1024 * 1024;
/**
 * Characters a row needs beside its text: the offset column, padding, the badges of a line end
 * (wider than one character). A row where a read starts also has its mark, and may scroll a little.
 */
const RESERVED_CHARS = 9;

export function TextPane(props: PaneProps) {
  const { t } = useTranslation();
  const { exchange, source, selection, annotations, role } = props;
  const [cache] = useState(() => new TextLayoutCache());
  // The offset column is as wide as the longest stream's offsets (decimal here, at least 3 digits).
  const offsetDigits = Math.max(3, String(Math.max(exchange.in.end, exchange.out.end)).length);
  const [width, setWidth] = useState(64);
  const [near, setNear] = useState<{ dir: Dir; offset: number } | undefined>(undefined);
  const [frame, setFrame] = useState(0);
  const layout = useMemo(
    () => textLayout(exchange, source, cache, { width, budget: COUNT_PER_FRAME, near }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `frame` stands for "count the next slice"
    [exchange, source, cache, width, near, frame],
  );
  useEffect(() => {
    if (layout.uncounted === 0) return;
    const id = requestAnimationFrame(() => setFrame((n) => n + 1));
    return () => cancelAnimationFrame(id);
  }, [layout]);

  const onResize = useCallback((px: number, charPx: number) => {
    if (charPx > 0) setWidth(Math.max(16, Math.min(256, Math.floor(px / charPx) - RESERVED_CHARS - offsetDigits)));
  }, [offsetDigits]);
  // Only the block matters to the counting order: a new `near` per block, not per pixel.
  const onTopByte = useCallback((dir: Dir, offset: number) => {
    const block = Math.floor(offset / TEXT_BLOCK) * TEXT_BLOCK;
    setNear((n) => (n && n.dir === dir && n.offset === block ? n : { dir, offset: block }));
  }, []);

  const renderRow = (row: ByteRow) =>
    row.kind === 'head' ? (
      <HeadRow segment={row.segment} exchange={exchange} role={role} t={t} />
    ) : (
      <TextRow
        row={row}
        bytes={source.read(row.dir, row.start, row.end)}
        continued={continues(source.read(row.dir, row.start - 1, row.start), row)}
        selection={selection}
        annotation={annotations[row.dir]}
        t={t}
      />
    );
  return (
    <BytePane
      {...props}
      layout={layout}
      renderRow={renderRow}
      label={t('ui.bytes.textTitle')}
      className="text-pane"
      testId="bytes-text"
      onResize={onResize}
      onTopByte={onTopByte}
      style={{ '--off-width': `${offsetDigits}ch` }}
    />
  );
}

/** A row that goes on with the line above (wrapped, not after an LF): it has no offset of its own to show. */
function continues(before: ReadResult, row: Extract<ByteRow, { kind: 'bytes' }>): boolean {
  return row.start > row.segment.offset && before instanceof Uint8Array && before[0] !== 0x0a;
}

// A heading changes only with its segment (the exchange grew, or another exchange).
const HeadRow = memo(SegmentHead);

interface TextRowProps {
  row: Extract<ByteRow, { kind: 'bytes' }>;
  bytes: ReadResult;
  continued: boolean;
  selection: ByteSelection | null;
  annotation: Annotation | undefined;
  t: TFunction;
}

/** A row is drawn again only when what it shows changes (row-memo.ts). */
const TextRow = memo(TextRowCells, (a, b) =>
  a.continued === b.continued &&
  a.annotation === b.annotation &&
  a.t === b.t &&
  sameRow(a.row, b.row) &&
  sameBytes(a.bytes, b.bytes) &&
  selectionInRow(a.selection, a.row) === selectionInRow(b.selection, b.row),
);

function TextRowCells(props: TextRowProps) {
  const { row, bytes, t } = props;
  let content;
  if (!(bytes instanceof Uint8Array)) content = <MissingBytes why={bytes} t={t} />;
  else {
    const marks = rowMarks(row, props.selection, props.annotation);
    // A read or write that starts mid-line is marked where it starts: the line is one, the reads are not.
    const chunks = new Map(row.chunkStarts.map((c) => [c.offset, c]));
    // Keyed by place: a row scrolled into another's elements (byte-pane.tsx slotOf) updates them.
    content = textCells(bytes, row.start).map((cell, i) => {
      const cls = `tc${marksClass(marks(cell.offset))}${cell.kind === 'text' ? '' : ` glyph glyph-${cell.kind}`}`;
      const title = cell.name
        ? t('ui.bytes.control', { name: cell.name, hex: (bytes[cell.offset - row.start] ?? 0).toString(16).toUpperCase().padStart(2, '0'), offset: cell.offset })
        : undefined;
      const chunk = chunks.get(cell.offset);
      const span = (
        <span key={i} className={cls} data-o={cell.offset} data-n={cell.length} data-name={cell.name} title={title}>
          {cell.text}
        </span>
      );
      return chunk ? [<ChunkMark key={`c${i}`} chunk={chunk} t={t} />, span] : span;
    });
  }
  return (
    <>
      <span className={props.continued ? 'off continued' : 'off'}>{props.continued ? '↪' : row.start}</span>
      <span className={`text-cells${row.pending ? ' pending' : ''}`}>{content}</span>
    </>
  );
}
