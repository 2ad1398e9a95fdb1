// Export: the diagram as a file for slides, an SVG or a PNG. It shows the diagram, not the moment
// it was clicked: `draw` hands over a copy drawn with nothing selected and TIME_WAIT at its full
// length, and `done` takes it away again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../../lib/download-blob';
import { standaloneSvg, svgToPng } from './svg-export';

interface Props {
  /** Draws the diagram for export (synchronously) and returns it; null when there is none. */
  draw: () => SVGSVGElement | null;
  done: () => void;
  /** The file name without its extension. */
  name: string;
}

export function ExportButtons({ draw, done, name }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (kind: 'svg' | 'png'): Promise<void> => {
    setFailure(null);
    try {
      let text: string;
      let size: [number, number];
      try {
        const svg = draw();
        if (!svg) return;
        text = standaloneSvg(svg);
        size = [svg.width.baseVal.value, svg.height.baseVal.value];
      } finally {
        done();
      }
      if (kind === 'svg') downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
      else downloadBlob(await svgToPng(text, ...size), `${name}.png`);
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
