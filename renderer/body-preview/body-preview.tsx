// A message's body as the application sees it, beside the raw bytes (lesson L4): chunked framing
// taken off, gzip or deflate undone, an image shown as the browser would show it, text as text.
// The header that decides all this is Content-Type, not the URL (lesson L3). Outside features/:
// the Bytes view (features/exchange) and the response editor's file body both show it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HttpMessage } from '../../shared/http/annotate/annotation';
import { contentCodings, mediaType } from '../../shared/http/body';
import { ByteText } from '../ui/byte-text';
import { decodeContent, type Decoded } from './decode-content';
import { ImagePreview } from './image-preview';
import { isTextual } from './media-kinds';
import './body-preview.css';

/** Enough text to read a page; the raw view holds the rest. */
const SHOWN_BYTES = 64 * 1024;

interface BodyPreviewProps {
  message: HttpMessage;
  /** The content (framing off): see shared/http/body.ts messageContent. */
  content: { bytes: Uint8Array; complete: boolean };
}

export function BodyPreview({ message, content }: BodyPreviewProps) {
  const { t } = useTranslation();
  const codings = contentCodings(message.contentEncoding);
  const decoded = useDecoded(content.bytes, codings);
  const type = mediaType(message.contentType);
  if (content.bytes.length === 0 && message.framing === 'none') {
    return <p className="body-preview empty" data-testid="body-preview">{t('ui.body.none')}</p>;
  }
  const shown = decoded?.ok ? decoded.bytes : content.bytes;
  return (
    <section className="body-preview" data-testid="body-preview" aria-label={t('ui.body.heading')}>
      <p className="body-summary">
        {t('ui.body.summary', { count: content.bytes.length, type: type || t('ui.body.unknownType') })}
        {message.framing === 'chunked' && <span> · {t('ui.body.dechunked')}</span>}
        {codings.length > 0 && decoded?.ok && (
          <span data-testid="body-decoded"> · {t('ui.body.decoded', { codings: codings.join(', '), count: decoded.bytes.length })}</span>
        )}
        {codings.length > 0 && decoded === null && <span> · {t('ui.body.decoding', { codings: codings.join(', ') })}</span>}
      </p>
      {decoded && !decoded.ok && (
        <p className="message message-error" role="status">
          {t(decoded.reason === 'unsupported' ? 'ui.body.unsupported' : 'ui.body.corrupt', { coding: decoded.coding })}
        </p>
      )}
      {!content.complete && <p className="body-note">{t('ui.body.incomplete')}</p>}
      {decoded?.ok && type.startsWith('image/') ? (
        <ImagePreview bytes={decoded.bytes} type={type} />
      ) : (
        <TextPreview bytes={shown} textual={isTextual(type)} />
      )}
    </section>
  );
}

function TextPreview({ bytes, textual }: { bytes: Uint8Array; textual: boolean }) {
  const { t } = useTranslation();
  const limit = textual ? SHOWN_BYTES : 512;
  return (
    <>
      {!textual && bytes.length > 0 && <p className="body-note">{t('ui.body.binary', { count: Math.min(limit, bytes.length) })}</p>}
      {bytes.length > limit && <p className="body-note">{t('ui.body.truncated', { shown: limit, count: bytes.length })}</p>}
      <pre className="body-text" data-testid="body-text">
        <ByteText bytes={bytes.subarray(0, limit)} />
      </pre>
    </>
  );
}

/** The decoded content, null while decoding; the bytes themselves when there is nothing to undo. */
function useDecoded(bytes: Uint8Array, codings: readonly string[]): Decoded | null {
  const key = codings.join(',');
  const [state, setState] = useState<{ bytes: Uint8Array; key: string; decoded: Decoded } | null>(null);
  useEffect(() => {
    if (key === '') return;
    let live = true;
    void decodeContent(bytes, key.split(',')).then((decoded) => {
      if (live) setState({ bytes, key, decoded });
    });
    return () => {
      live = false;
    };
  }, [bytes, key]);
  if (key === '') return { ok: true, bytes };
  return state && state.bytes === bytes && state.key === key ? state.decoded : null;
}
