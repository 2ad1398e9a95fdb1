// A command's input is measured before its schema sees it. Schema parsing recurses once per level
// of nesting, so an input nested a few thousand deep (3-5 KB of brackets) overflowed the stack;
// and a structure of millions of small values costs seconds to walk. The walk here is an explicit
// stack, so no input can overflow it, and it stops at the first bound crossed.

/** Deeper than any command's input (the deepest, a settings section, is under 10 levels). */
export const MAX_INPUT_DEPTH = 64;
/** Values in one input; a pasted request is one value however long, a route table a few thousand. */
export const MAX_INPUT_NODES = 200_000;

/** Why an input is refused before parsing, in bad_input's `issues` words; null when it is within bounds. */
export function inputOutOfBounds(input: unknown): string | null {
  if (input === null || typeof input !== 'object') return null;
  const stack: Array<{ value: object; depth: number }> = [{ value: input, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as (typeof stack)[number];
    if (depth > MAX_INPUT_DEPTH) return `(input): nested deeper than ${MAX_INPUT_DEPTH} levels`;
    // Bytes are one value, not a list of numbers to walk.
    if (ArrayBuffer.isView(value)) continue;
    for (const child of Object.values(value) as unknown[]) {
      if (++nodes > MAX_INPUT_NODES) return `(input): more than ${MAX_INPUT_NODES} values`;
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
