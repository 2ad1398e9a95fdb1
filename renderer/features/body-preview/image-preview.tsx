// An image body drawn from its bytes, through a Blob URL of the type its Content-Type names (the
// page's CSP allows blob: images; the URL is revoked when the preview goes).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ImagePreview({ bytes, type }: { bytes: Uint8Array; type: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(made);
    setFailed(false);
    return () => URL.revokeObjectURL(made);
  }, [bytes, type]);
  if (failed) return <p className="body-note">{t('ui.body.imageFailed', { type })}</p>;
  return (
    <figure className="body-image">
      {url && <img src={url} alt={t('ui.body.image', { type })} data-testid="body-image" onError={() => setFailed(true)} />}
      <figcaption>{t('ui.body.image', { type })}</figcaption>
    </figure>
  );
}
