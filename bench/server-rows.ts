// The rows of issue 19's table: every server `npm run bench` measures, how to start it with a given
// answer and policy, whether it sends our exact bytes (probed 'exact') or adds fields of its own
// ('loose': same status line and body), and why a row is left out where it is.
import { spawnSync } from 'node:child_process';
import type { Policy } from './bare-server';
import { startBareServer } from './bare-server';
import { cliServeArgs, startCliServer } from './cli-server';
import { nginxBinary, startNginx } from './nginx';
import { startNodeHttpServer } from './node-http-server';
import { builtStartEngineServer } from './built-engine';
import { startPythonServer, type RunningServer } from './servers';

export type RowKey = 'bare' | 'node-http' | 'nginx' | 'python' | 'engine' | 'serve' | 'serve-quiet';

export interface ServerRow {
  key: RowKey;
  label: string;
  probe: 'exact' | 'loose';
  /** Why this row has no figure in this mode, or null when it runs. */
  unavailable(policy: Policy): string | null;
  start(answer: Uint8Array, policy: Policy): Promise<RunningServer>;
}

/** The answer's Content-Type and body, for nginx's `return` (it writes the head itself). */
function typeAndBody(answer: Uint8Array): { contentType: string; body: string } {
  const text = Buffer.from(answer).toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const contentType = /\r\ncontent-type:[ \t]*([^\r]*)/i.exec(text.slice(0, headEnd + 2))?.[1] ?? 'text/plain';
  return { contentType, body: text.slice(headEnd + 4) };
}

const pythonMissing = (): boolean => spawnSync('python3', ['--version'], { stdio: 'ignore' }).error !== undefined;

/** `scratch`: a folder for the CLI's response files. */
export function serverRows(scratch: string): ServerRow[] {
  const always = (): null => null;
  return [
    {
      key: 'bare',
      label: 'bare `node:net` (parses nothing, records nothing)',
      probe: 'exact',
      unavailable: always,
      start: (answer, policy) => startBareServer(answer, policy),
    },
    {
      key: 'node-http',
      label: "Node's `http` module (llhttp)",
      probe: 'loose',
      unavailable: always,
      start: (answer, policy) => startNodeHttpServer(answer, policy),
    },
    {
      key: 'nginx',
      label: 'nginx, one worker',
      probe: 'loose',
      unavailable: () => (nginxBinary() === null ? 'nginx is not installed (apt-get install nginx-light)' : null),
      start: (answer) => startNginx({ kind: 'body', ...typeAndBody(answer) }),
    },
    {
      key: 'python',
      label: 'lesson-style Python server',
      probe: 'exact',
      unavailable: (policy) => (policy === 'keep_alive' ? "— (the lesson's server closes after each answer)" : pythonMissing() ? 'python3 is not installed' : null),
      start: () => startPythonServer(),
    },
    {
      key: 'engine',
      label: 'our Engine in process (journal on)',
      probe: 'exact',
      unavailable: always,
      // Bundled as the app ships it, not through tsx (see built-engine.ts).
      start: async (answer, policy) => (await builtStartEngineServer())(answer, policy),
    },
    {
      key: 'serve',
      label: '`wirebench serve` (CLI, journal printed, stdout to /dev/null)',
      probe: 'exact',
      unavailable: always,
      start: (answer, policy) => startCliServer(cliServeArgs(scratch, answer, policy)),
    },
    {
      key: 'serve-quiet',
      label: '`wirebench serve --quiet` (counters once a second)',
      probe: 'exact',
      unavailable: always,
      start: (answer, policy) => startCliServer([...cliServeArgs(scratch, answer, policy), '--quiet']),
    },
  ];
}
