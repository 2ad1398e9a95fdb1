// --record FILE and --pcapng FILE, the same on `serve` and `connect`: relative names are taken
// from the folder the command runs in, now, so a later change of folder cannot move them.
import { resolve } from 'node:path';
import type { ParsedOptions } from './cli-args';

/** What to write once the command ends, and where (absolute paths): either, both or neither. */
export interface Recording {
  session: string | null;
  pcapng: string | null;
}

export function recordingFrom(values: ParsedOptions): Recording {
  const path = (name: string): string | null => (typeof values[name] === 'string' ? resolve(values[name]) : null);
  return { session: path('record'), pcapng: path('pcapng') };
}
