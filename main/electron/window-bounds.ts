// Where the window was, so it opens there again: its size and position (and whether it was
// maximized) kept in `window.json` in userData, beside the renderer's settings. Pure placement
// rules here, tested without Electron: a saved position is used only if enough of the window would
// be on a display that exists now (a laptop unplugged from its second screen must not open off-screen).
import { z } from 'zod';

export const WindowBounds = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(200).max(20_000),
    height: z.number().int().min(150).max(20_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window must show on one display for its saved position to count. */
const MIN_VISIBLE = { width: 200, height: 100 };

/** The saved bounds if they still land on a display (fitted into it), else null: the default place. */
export function placeWindow(saved: WindowBounds | null, workAreas: readonly Rect[]): (Rect & { maximized: boolean }) | null {
  if (!saved) return null;
  for (const area of workAreas) {
    const visibleWidth = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const visibleHeight = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    if (visibleWidth < MIN_VISIBLE.width || visibleHeight < MIN_VISIBLE.height) continue;
    // On that display: no larger than it, and its title bar inside it.
    const width = Math.min(saved.width, area.width);
    const height = Math.min(saved.height, area.height);
    const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
    const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
    return { x, y, width, height, maximized: saved.maximized };
  }
  return null;
}

/** The file's bounds, or null when there are none, or they are not bounds (then they are ignored). */
export function parseWindowBounds(text: string | null): WindowBounds | null {
  if (text === null) return null;
  try {
    const parsed = WindowBounds.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
