// The diagram's words, from the catalog (ui.teardown): a step's narration sentence, an arrow's
// label and tooltip, a time on the diagram's timeline. Kept apart so every part draws the same words.
import type { TFunction } from 'i18next';
import type { JournalEvent } from '../../../shared/contract/contract';
import type { Arrow, LadderStep } from '../../../shared/teardown/ladder-types';
import { otherSide } from '../../../shared/teardown/ladder-types';
import { narrationKey } from '../../../shared/teardown/narration-key';
import { elapsedText } from '../../lib/format';
import { previewOf } from './ladder-select';

/** "+0.42 ms": when on the timeline, as the journal words times. */
export function timeText(ms: number, t: TFunction): string {
  return elapsedText(ms, t);
}

export function narrate(step: LadderStep, t: TFunction): string {
  const { key, params, keyParams } = narrationKey(step);
  const which = keyParams.which ? { which: t(keyParams.which) } : {};
  const reason = keyParams.reason ? { reason: t(keyParams.reason) } : {};
  return t(`ui.teardown.narrate.${key}`, { ...params, ...which, ...reason });
}

/** What an arrow says on the diagram: the handshake, a chunk's size, FIN, RST. */
export function arrowLabel(arrow: Arrow, t: TFunction): string {
  if (arrow.kind === 'data') return t('ui.teardown.arrow.data', { count: arrow.length });
  return t(`ui.teardown.arrow.${arrow.kind}`);
}

/** The arrow's tooltip: what, who to whom, when sent and seen, its first bytes (CR/LF drawn). */
export function arrowTitle(arrow: Arrow, event: JournalEvent | null, t: TFunction): string {
  const what = arrowLabel(arrow, t);
  const from = t(`ui.teardown.side.${arrow.from}`);
  const sent = timeText(arrow.sentT, t);
  const lines: string[] = [
    arrow.arrivalRef
      ? t('ui.teardown.arrow.title', { what, from, to: t(`ui.teardown.side.${otherSide(arrow.from)}`), sent, arrived: timeText(arrow.arrivedT, t) })
      : t('ui.teardown.arrow.titleOneEnd', { what, from, sent }),
  ];
  if (arrow.kind === 'data') {
    const preview = previewOf(event);
    if (preview) {
      lines.push(t('ui.teardown.arrow.bytesHead'), preview.text);
      if (preview.more > 0) lines.push(t('ui.teardown.arrow.more', { count: preview.more }));
    } else if (event?.kind === 'data') lines.push(t('ui.teardown.arrow.evicted'));
  }
  lines.push(t('ui.teardown.arrow.clickHint'));
  return lines.join('\n');
}
