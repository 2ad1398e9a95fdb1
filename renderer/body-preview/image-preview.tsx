// An image body drawn from its bytes, through a Blob URL of the type its Content-Type names (the
// page's CSP allows blob: images; the URL is revoked when the preview goes or the bytes change).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ImagePreview({ bytes, type }: { bytes: Uint8Array; type: string }) {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })), [bytes, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  // Which URL failed to load: a new image gets its own chance.
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === url) return <p className="body-note">{t('ui.body.imageFailed', { type })}</p>;
  return (
    <figure className="body-image">
      <img src={url} alt={t('ui.body.image', { type })} data-testid="body-image" onError={() => setFailed(url)} />
      <figcaption>{t('ui.body.image', { type })}</figcaption>
    </figure>
  );
}
