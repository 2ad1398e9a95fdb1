// What the lines mean, drawn inside the diagram so that an exported slide explains itself.
import type { TFunction } from 'i18next';

/** About how wide a legend text is at the legend's 11px: enough to lay items out in a row. */
const CHAR_PX = 6.2;

export function LadderLegend({ y, width, t }: { y: number; width: number; t: TFunction }) {
  const items = [
    { cls: 'legend-kernel', text: t('ui.teardown.legend.kernel') },
    { cls: 'legend-inferred', text: t('ui.teardown.legend.inferred') },
    { cls: 'legend-data', text: t('ui.teardown.legend.data') },
    { cls: 'legend-fin', text: t('ui.teardown.legend.fin') },
    { cls: 'legend-rst', text: t('ui.teardown.legend.rst') },
  ];
  let x = 16;
  return (
    <g className="ladder-legend" data-testid="ladder-legend">
      <line className="legend-rule" x1={12} y1={y - 22} x2={width - 12} y2={y - 22} />
      {items.map((item) => {
        const at = x;
        x += 30 + item.text.length * CHAR_PX + 18;
        return (
          <g key={item.cls} className={item.cls}>
            <line x1={at} y1={y - 4} x2={at + 24} y2={y - 4} />
            <text x={at + 30} y={y}>
              {item.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
