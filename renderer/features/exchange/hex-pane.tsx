// The hex view: `offset | 16 bytes in hex | the same 16 as ASCII`, as xxd prints it, one turn of
// the conversation after the other, the chunk boundaries marked in the rows.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../shared/annotation';
import type { Role } from '../../../shared/contract';
import { BytePane, type BytePaneProps } from './byte-pane';
import type { ReadResult } from './byte-source';
import { hexPair } from './copy-format';
import { HEX_WIDTH, hexLayout, type ByteRow } from './hex-layout';
import { ChunkMarks, MissingBytes, SegmentHead } from './row-parts';
import { marksClass, rowMarks } from './row-marks';
import type { ByteSelection } from '../../store/selection-slice';
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
      <SegmentHead segment={row.segment} exchange={exchange} role={role} />
    ) : (
      <HexRow row={row} digits={digits} bytes={source.read(row.dir, row.start, row.end)} selection={selection} annotation={annotations[row.dir]} />
    );
  return <BytePane {...props} layout={layout} renderRow={renderRow} label={t('ui.bytes.hexTitle')} className="hex-pane" testId="bytes-hex" />;
}

const PRINTABLE_MIN = 0x20;
const PRINTABLE_MAX = 0x7e;

interface HexRowProps {
  row: Extract<ByteRow, { kind: 'bytes' }>;
  digits: number;
  bytes: ReadResult;
  selection: ByteSelection | null;
  annotation: Annotation | undefined;
}

function HexRow(props: HexRowProps) {
  const { row, bytes } = props;
  const marks = rowMarks(row, props.selection, props.annotation);
  const hex = [];
  const ascii = [];
  for (let i = 0; i < HEX_WIDTH; i++) {
    const o = row.rowOffset + i;
    if (o < row.start || o >= row.end || !(bytes instanceof Uint8Array)) {
      hex.push(<span key={i} className="hx blank" />);
      ascii.push(<span key={i} className="as blank" />);
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
    ascii.push(
      <span key={i} className={`as${cls}${printable ? '' : ' np'}`} data-o={o}>
        {printable ? String.fromCharCode(b) : '·'}
      </span>,
    );
  }
  return (
    <>
      <span className="off">{row.rowOffset.toString(16).padStart(props.digits, '0')}</span>
      <span className="hex-cells">{bytes instanceof Uint8Array ? hex : <MissingBytes why={bytes} />}</span>
      <span className="ascii-cells">{ascii}</span>
      <ChunkMarks row={row} />
    </>
  );
}
