// The diagram as a file for slides. The page's CSP (renderer/index.html) forbids inline <style> in
// the page, so the live SVG is styled by ladder.css; a downloaded file has no stylesheet, so the
// export copies each element's computed paint and type onto it as presentation attributes, with
// generic font families (the file may be opened where the UI's fonts are not installed). PNG:
// that SVG drawn into a canvas through a blob: image, which the CSP's img-src allows.

/** What the stylesheet decides about an SVG element's look (the rest is its geometry, kept as is). */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
] as const;

/** What only the live diagram needs: its styling hooks and its interactivity. */
const LIVE_ATTRS = ['class', 'tabindex', 'role', 'aria-label', 'data-testid'];

/** A self-contained SVG document of `svg` as it looks now. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const looks = new Map<Element, Record<string, string>>();
  from.forEach((el, i) => {
    const out = to[i];
    if (!out || el.tagName === 'title') return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') {
      out.remove();
      return;
    }
    const look: Record<string, string> = {};
    const parent = el === svg ? undefined : looks.get(el.parentElement as Element);
    for (const prop of STYLE_PROPS) {
      const raw = style.getPropertyValue(prop);
      const value = prop === 'font-family' ? genericFont(raw) : raw;
      look[prop] = value;
      // Said once where it changes: the children inherit it (opacity, not inherited, is 1 by default).
      const same = prop === 'opacity' ? value === '1' : parent?.[prop] === value;
      if (value && !same) out.setAttribute(prop, value);
    }
    looks.set(el, look);
    for (const attr of LIVE_ATTRS) out.removeAttribute(attr);
    // The arrows keep data-kind / data-from / data-index: a script reading the file can still tell them apart.
    out.removeAttribute('data-lit');
    out.removeAttribute('data-picked');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('version', '1.1');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

function genericFont(family: string): string {
  return /mono/i.test(family) ? 'monospace' : 'sans-serif';
}

/** An SVG document drawn into a canvas `scale` times its size, as PNG bytes. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
