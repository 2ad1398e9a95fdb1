// Copy a request seen in the journal as a command that sends it again: curl (the same request, as
// curl writes it), printf | nc and Python (these exact bytes). The request is named by where it
// starts in its direction's stream, the one thing the structure tree and the exporter's own
// reading of the journal (shared/export/journal-messages.ts) agree on. Pure.
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { copyAsCurl } from '../../../shared/export/copy-as-curl';
import { copyAsNcPrintf } from '../../../shared/export/copy-as-nc';
import { copyAsPython } from '../../../shared/export/copy-as-python';
import { connectionMessages, serverEnd, type SeenMessage, type CopyTarget } from '../../../shared/export/journal-messages';

export const COPY_FORMS = ['curl', 'nc', 'python'] as const;
export type CopyForm = (typeof COPY_FORMS)[number];

const FORMAT: Record<CopyForm, (request: SeenMessage, target: CopyTarget) => string> = {
  curl: copyAsCurl,
  nc: copyAsNcPrintf,
  python: copyAsPython,
};

/** The request starting at `offset`, or null when the journal's bytes no longer reach it. */
export function requestAt(summary: ConnSummary, events: readonly JournalEvent[], offset: number): SeenMessage | null {
  return connectionMessages(summary, events).requests.find((r) => r.message.offset === offset) ?? null;
}

/** The command for the request starting at `offset`, aimed at the connection's server; null: not at hand. */
export function copyRequestAs(form: CopyForm, summary: ConnSummary, events: readonly JournalEvent[], offset: number): string | null {
  const request = requestAt(summary, events, offset);
  return request ? FORMAT[form](request, serverEnd(summary)) : null;
}
