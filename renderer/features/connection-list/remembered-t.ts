// A translate function that remembers what it said: the connection cards call t seven times each
// (role, state, exchange, ends twice, bytes each way), and under load the list redraws every card
// a few times a second; i18next's t took some 40 µs a call there (interpolation, plural and
// context lookups), about 8% of the page's main thread in bench:ui-load keep-alive (issue 19).
// Most of a card's phrases repeat from one redraw to the next; only the byte counts change.
import type { TFunction } from 'i18next';

/** Past this many phrases the memory starts again (the byte counts alone never repeat). */
const MAX_REMEMBERED = 5000;

/** `t` for plain keys and string or number values; made once per language (per `t`). */
export function rememberedT(t: TFunction): TFunction {
  const said = new Map<string, string>();
  const remembered = (key: string | string[], options?: Record<string, unknown>): string => {
    let id = String(key);
    if (options) for (const name of Object.keys(options)) id += `\u0000${name}\u0000${String(options[name])}`;
    let text = said.get(id);
    if (text === undefined) {
      if (said.size >= MAX_REMEMBERED) said.clear();
      text = (t as unknown as (k: string | string[], o?: Record<string, unknown>) => string)(key, options);
      said.set(id, text);
    }
    return text;
  };
  return remembered as unknown as TFunction;
}
