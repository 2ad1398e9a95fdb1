// Bytes as text a person can read without losing any: CR, LF, TAB and other controls as glyphs,
// invalid UTF-8 as \xHH (shared/bytes/bytes.ts decides; this only draws). The line still breaks after
// each ␊, so a response reads line by line.
// Controls keep their Unicode control picture (␍ ␊ ...) as the text, so copying and searching see
// it, but are drawn as a small badge with their ASCII name (CR, LF, ...): many systems have no font
// with the Control Pictures block and would show empty boxes, and a badge also cannot be mistaken
// for a peer that sent the character ␍ itself.
import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { breaksLine, sameBytes, visibleTokens } from '../../shared/bytes/bytes';
import './byte-text.css';

// Views rebuild their byte arrays as data arrives (joined runs, slices); what matters for drawing
// is the content, and comparing a few KiB is far cheaper than turning them into elements again.
export const ByteText = memo(ByteTextView, (a, b) => a.terminal === b.terminal && sameBytes(a.bytes, b.bytes));

/**
 * terminal: draw CR, LF and TAB as a terminal does (a line break, a tab, nothing for CR) instead of
 * as badges. Every other control byte and invalid UTF-8 stays a badge: binary never garbles the view.
 */
function ByteTextView({ bytes, terminal = false }: { bytes: Uint8Array; terminal?: boolean }) {
  const { t } = useTranslation();
  const parts = useMemo(() => {
    const out: ReactNode[] = [];
    for (const token of visibleTokens(bytes)) {
      if (token.kind === 'text') {
        out.push(token.text);
        continue;
      }
      if (terminal && (token.kind === 'cr' || token.kind === 'lf' || token.kind === 'tab')) {
        // Controls are one byte each (shared/bytes/bytes.ts).
        if (token.kind !== 'cr') out.push(token.kind === 'lf' ? '\n' : '\t');
        continue;
      }
      const b = bytes[token.offset] ?? 0;
      out.push(
        <span
          key={token.offset}
          className={`glyph glyph-${token.kind}`}
          data-name={token.name}
          title={token.name ? t('ui.bytes.control', { name: token.name, hex: hex(b), offset: token.offset }) : undefined}
        >
          {token.text}
        </span>,
      );
      if (breaksLine(token)) out.push('\n');
    }
    return out;
  }, [bytes, t, terminal]);
  return <>{parts}</>;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
