// `wirebench serve --routes FILE`: a small JSON table of method + path -> answer, written by hand,
// turned into the contract's routes (shared/server/settings.ts). The format (documented in
// `wirebench serve --help`):
//   [{ "method": "GET", "path": "/", "file": "index.html", "contentType": "text/html" },
//    { "method": "*", "path": "/raw", "responseFile": "raw.txt" },
//    { "method": "POST", "path": "/submit", "echoPage": true }]
// "file" is served behind a status line with its Content-Type; "responseFile" is the whole answer,
// byte for byte (a lesson may want it malformed); "echoPage" answers with the request received,
// shown as an HTML page (lesson L3's form). Relative names are read from the routes file's
// folder, as a person writing the file next to its pages would expect.
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Route } from '../../shared/server/settings';
import type { CliMistake } from './cli-args';

const Entry = z
  .object({
    method: z.string(),
    path: z.string(),
    file: z.string().min(1).optional(),
    contentType: z.string().optional(),
    responseFile: z.string().min(1).optional(),
    echoPage: z.literal(true).optional(),
  })
  .strict()
  .refine(
    (e) => [e.file, e.responseFile, e.echoPage].filter((a) => a !== undefined).length === 1,
    'give one of "file", "responseFile" or "echoPage": true',
  )
  .refine((e) => e.file === undefined || e.contentType !== undefined, '"file" needs a "contentType"');

const RoutesFile = z.array(Entry).min(1);

export type RoutesResult = { ok: true; routes: Route[] } | { ok: false; mistake: CliMistake };

/**
 * Reads and checks the file's shape; the door checks the routes themselves (method spelling,
 * path, limits) against the contract's schema, so the rules live in one place.
 */
export async function readRoutesFile(file: string): Promise<RoutesResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return unreadable(file, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return invalid(file, err instanceof SyntaxError ? err.message : 'not JSON');
  }
  const parsed = RoutesFile.safeParse(json);
  if (!parsed.success) {
    return invalid(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; '));
  }
  const folder = dirname(resolve(file));
  const routes: Route[] = [];
  for (const entry of parsed.data) {
    const { method, path } = entry;
    if (entry.echoPage === true) {
      routes.push({ method, path, response: { kind: 'echo_page' } });
    } else if (entry.responseFile !== undefined) {
      const at = resolve(folder, entry.responseFile);
      try {
        routes.push({ method, path, response: { kind: 'bytes', bytes: new Uint8Array(await readFile(at)) } });
      } catch (err) {
        return unreadable(at, err);
      }
    } else if (entry.file !== undefined) {
      // Absolute, so the engine does not read it from its sample root (the contract's default).
      const at = resolve(folder, entry.file);
      // Read per request (it may be edited while the server runs), but a misspelt name is
      // better reported now than as a 404 later.
      try {
        if (!(await stat(at)).isFile()) return unreadable(at, { code: 'EISDIR' });
      } catch (err) {
        return unreadable(at, err);
      }
      routes.push({ method, path, response: { kind: 'file', path: at, contentType: entry.contentType ?? '' } });
    }
  }
  return { ok: true, routes };
}

function unreadable(file: string, err: unknown): RoutesResult {
  const errno = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return { ok: false, mistake: { key: 'cli.serve.errors.unreadable', params: { file, errno } } };
}

function invalid(file: string, issues: string): RoutesResult {
  return { ok: false, mistake: { key: 'cli.serve.errors.badRoutes', params: { file, issues } } };
}
