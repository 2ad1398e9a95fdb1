// Pieces both views draw: the heading of each turn of the conversation, the chunk marks of a row
// (each OS read or write that starts in it, with its time), and a row whose bytes are not here.
// Each takes the pane's `t` rather than calling useTranslation: a screenful is dozens of rows,
// and the hook per row was a fifth of a scroll frame's rendering (bench/view.ts).
import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/contract/contract';
import type { Missing } from './byte-source';
import { chunkText, timeText } from './describe-byte';
import type { Exchange, ExchangeChunk, Segment } from './exchange-model';
import type { ByteRow } from './hex-layout';

export function SegmentHead({ segment, exchange, role, t }: { segment: Segment; exchange: Exchange; role: Role; t: TFunction }) {
  const peer = t(`ui.bytes.peer.${role === 'server' ? 'client' : 'server'}`);
  const first = exchange.chunks[segment.firstChunk];
  const text = t('ui.bytes.head', {
    dir: segment.dir === 'in' ? t('ui.bytes.dirIn', { peer }) : t('ui.bytes.dirOut', { peer }),
    bytes: t('ui.bytes.byteCount', { count: segment.length }),
    chunks: t('ui.bytes.chunkCount', { count: segment.chunkCount }),
    time: timeText(first?.t ?? 0, t),
  });
  // The title holds it whole: a narrow pane cuts the heading with an ellipsis (exchange.css).
  return (
    <span className="seg-head" title={text}>
      {text}
    </span>
  );
}

/** Where one OS read or write starts: its number in its direction and its time. */
export function ChunkMark({ chunk, t }: { chunk: ExchangeChunk; t: TFunction }) {
  return (
    <span className="chunk-mark" data-testid="chunk-mark" data-t={chunk.t} data-offset={chunk.offset} title={chunkText(chunk, t)}>
      {t('ui.bytes.chunkMark', { n: chunk.ordinal, time: timeText(chunk.t, t) })}
    </span>
  );
}

/** The chunks that start in a row, after its bytes (the hex view, whose columns must stay aligned). */
export function ChunkMarks({ row, t }: { row: Extract<ByteRow, { kind: 'bytes' }>; t: TFunction }) {
  if (row.chunkStarts.length === 0) return null; // most rows: one element fewer to draw
  return (
    <span className="chunk-marks">
      {row.chunkStarts.map((c) => (
        <ChunkMark key={c.index} chunk={c} t={t} />
      ))}
    </span>
  );
}

export function MissingBytes({ why, t }: { why: Missing; t: TFunction }) {
  return <span className={`missing missing-${why}`}>{why === 'loading' ? t('ui.bytes.loading') : t('ui.bytes.evicted')}</span>;
}
