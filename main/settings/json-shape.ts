// A look at a JSON text's shape before JSON.parse builds it. Parsing is one step that cannot yield:
// a file of 2 million keys took 12 s of a blocked event loop on a busy machine before any check
// could refuse it. This pass counts containers and separators outside strings, in a single scan of
// the characters, and stops at the first bound crossed.

export interface JsonShapeBounds {
  maxDepth: number;
  /** Values inside containers, counted by their separators (`,` and `:`), a close upper bound. */
  maxValues: number;
}

/** True when the text nests no deeper and holds no more values than the bounds. */
export function jsonShapeWithin(text: string, bounds: JsonShapeBounds): boolean {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > bounds.maxDepth) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if ((c === 0x2c || c === 0x3a) && ++values > bounds.maxValues) return false;
  }
  return true;
}
