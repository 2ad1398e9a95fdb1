// Export: the diagram as it is on screen, as an SVG file or a PNG image, for slides.
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, standaloneSvg, svgToPng } from './svg-export';

interface Props {
  svgRef: RefObject<SVGSVGElement | null>;
  /** The file name without its extension. */
  name: string;
}

export function ExportButtons({ svgRef, name }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (kind: 'svg' | 'png'): Promise<void> => {
    const svg = svgRef.current;
    if (!svg) return;
    setFailure(null);
    try {
      const text = standaloneSvg(svg);
      if (kind === 'svg') downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
      else downloadBlob(await svgToPng(text, svg.width.baseVal.value, svg.height.baseVal.value), `${name}.png`);
    } catch (err) {
      setFailure(t('ui.teardown.export.failed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={t('ui.teardown.export.label')}>
      <span className="toolbar-label">{t('ui.teardown.export.label')}</span>
      <button type="button" data-testid="ladder-export-svg" title={t('ui.teardown.export.svgTitle')} onClick={() => void run('svg')}>
        {t('ui.teardown.export.svg')}
      </button>
      <button type="button" data-testid="ladder-export-png" title={t('ui.teardown.export.pngTitle')} onClick={() => void run('png')}>
        {t('ui.teardown.export.png')}
      </button>
      {failure && (
        <span className="message message-error" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
