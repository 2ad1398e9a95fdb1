// Where the desktop app keeps what the person chose in its file dialogs, so a static root chosen
// once still serves after a restart. A file of main's own in userData, never reachable through
// settings.save: a page that could write it could grant itself any folder.
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { readCapped } from '../settings/read-capped';
import { MAX_GRANTS } from './file-grants';

const MAX_FILE_BYTES = 1024 * 1024;
const GrantedPathsFile = z.object({ version: z.literal(1), paths: z.array(z.string().min(1).max(4096)).max(MAX_GRANTS) });

/** The paths kept in `file`; none when it is missing or not what this module writes. */
export async function readGrantedPaths(file: string): Promise<string[]> {
  const read = await readCapped(file, MAX_FILE_BYTES);
  if (read.kind !== 'text') return [];
  try {
    const parsed = GrantedPathsFile.safeParse(JSON.parse(read.text));
    return parsed.success ? parsed.data.paths : [];
  } catch {
    return [];
  }
}

export function writeGrantedPaths(file: string, paths: readonly string[]): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify({ version: 1, paths })}\n`, { mode: 0o600 });
}
