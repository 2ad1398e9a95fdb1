// The hex view: `offset | 16 bytes in hex | the same 16 as ASCII`, as xxd prints it, one turn of
// the conversation after the other, the chunk boundaries marked in the rows.
import type { TFunction } from 'i18next';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../shared/http/annotate/annotation';
import type { Role } from '../../../shared/contract/contract';
import { BytePane, type BytePaneProps } from './byte-pane';
import type { ReadResult } from './byte-source';
import { hexPair } from './copy-format';
import { HEX_WIDTH, hexLayout, type ByteRow } from './hex-layout';
import { ChunkMarks, MissingBytes, SegmentHead } from './row-parts';
import { marksClass, rowMarks } from './row-marks';
import { sameBytes, sameRow, selectionInRow } from './row-memo';
import type { ByteSelection } from '../../store/state-types';
import type { ByteSource } from './byte-source';

type PaneProps = Omit<BytePaneProps, 'layout' | 'renderRow' | 'label' | 'className' | 'testId'> & { source: ByteSource; role: Role };

export function HexPane(props: PaneProps) {
  const { t } = useTranslation();
  const { exchange, source, selection, annotations, role } = props;
  const layout = useMemo(() => hexLayout(exchange), [exchange]);
  // As many hex digits as the longest stream needs (at least 4): a lesson's offsets stay short.
  const digits = Math.max(4, Math.max(exchange.in.end, exchange.out.end).toString(16).length);
  const renderRow = (row: ByteRow) =>
    row.kind === 'head' ? (
      <HeadRow segment={row.segment} exchange={exchange} role={role} t={t} />
    ) : (
      <HexRow row={row} digits={digits} bytes={source.read(row.dir, row.start, row.end)} selection={selection} annotation={annotations[row.dir]} t={t} />
    );
  return <BytePane {...props} layout={layout} renderRow={renderRow} label={t('ui.bytes.hexTitle')} className="hex-pane" testId="bytes-hex" />;
}

// A heading changes only with its segment (the exchange grew, or another exchange).
const HeadRow = memo(SegmentHead);

const PRINTABLE_MIN = 0x20;
const PRINTABLE_MAX = 0x7e;

interface HexRowProps {
  row: Extract<ByteRow, { kind: 'bytes' }>;
  digits: number;
  bytes: ReadResult;
  selection: ByteSelection | null;
  annotation: Annotation | undefined;
  t: TFunction;
}

/** A row is drawn again only when what it shows changes (row-memo.ts). */
const HexRow = memo(HexRowCells, (a, b) =>
  a.digits === b.digits &&
  a.annotation === b.annotation &&
  a.t === b.t &&
  sameRow(a.row, b.row) &&
  sameBytes(a.bytes, b.bytes) &&
  selectionInRow(a.selection, a.row) === selectionInRow(b.selection, b.row),
);

function HexRowCells(props: HexRowProps) {
  const { row, bytes, t } = props;
  const offset = <span className="off">{row.rowOffset.toString(16).padStart(props.digits, '0')}</span>;
  if (!(bytes instanceof Uint8Array)) {
    return (
      <>
        {offset}
        <span className="hex-cells">
          <MissingBytes why={bytes} t={t} />
        </span>
        <ChunkMarks row={row} t={t} />
      </>
    );
  }
  const marks = rowMarks(row, props.selection, props.annotation);
  const hex = [];
  const lead = Math.max(0, row.start - row.rowOffset);
  const runs: { cls: string; start: number; text: string }[] = [];
  for (let i = 0; i < HEX_WIDTH; i++) {
    const o = row.rowOffset + i;
    if (o < row.start || o >= row.end) {
      hex.push(
        <span key={i} className="hx blank">
          {'  '}
        </span>,
      );
      continue;
    }
    const b = bytes[o - row.start] ?? 0;
    const cls = marksClass(marks(o));
    const printable = b >= PRINTABLE_MIN && b <= PRINTABLE_MAX;
    hex.push(
      <span key={i} className={`hx${cls}`} data-o={o}>
        {hexPair(b)}
      </span>,
    );
    const runCls = printable ? cls : `${cls} np`;
    const last = runs.at(-1);
    const ch = printable ? String.fromCharCode(b) : '·';
    if (last?.cls === runCls) last.text += ch;
    else runs.push({ cls: runCls, start: o, text: ch });
  }
  // The ASCII column in runs of bytes drawn alike (one element each, not one per byte): the hex
  // cells are the ones to point at, and byte-pane.tsx finds a run's byte from the pointer's place.
  // Before a segment that starts mid-row, room, so that the column stays aligned.
  // Keyed by place: a row scrolled into another's elements (byte-pane.tsx slotOf) updates them.
  const ascii = runs.map((r, i) => (
    <span key={i} className={`as${r.cls}`} data-o={r.start} data-run={r.text.length}>
      {r.text}
    </span>
  ));
  if (lead > 0) ascii.unshift(<span key="lead" className="as blank">{' '.repeat(lead)}</span>);
  return (
    <>
      {offset}
      <span className="hex-cells">{hex}</span>
      <span className="ascii-cells">{ascii}</span>
      <ChunkMarks row={row} t={t} />
    </>
  );
}
