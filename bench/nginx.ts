// nginx as a benchmark peer: one process (master_process off, so one worker does everything and
// its pid is the one to watch), a temp dir of its own for the config, pid, error log and the temp
// paths it insists on creating, no access log, on a free loopback port. Stopped with SIGQUIT
// (graceful) and, should it linger, SIGKILL; the temp dir goes with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onFreePort, waitForListener } from './ports';
import type { RunningServer } from './servers';

export interface NginxServer extends RunningServer {
  pid: number;
}

/** What nginx answers on every path: a fixed body, or the files of a folder (sendfile, as nginx defaults). */
export type NginxAnswer = { kind: 'body'; body: string; contentType: string } | { kind: 'root'; dir: string };

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary, or null where none is installed. */
export function nginxBinary(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** A string as nginx's config reads it between double quotes (ngx_conf_file.c knows \", \\, \t, \r and \n). */
function quoted(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

function config(dir: string, port: number, answer: NginxAnswer): string {
  const location =
    answer.kind === 'body'
      ? `location / { default_type ${quoted(answer.contentType)}; return 200 ${quoted(answer.body)}; }`
      : `location / { root ${quoted(answer.dir)}; }`;
  return `daemon off;
master_process off;
worker_processes 1;
pid ${quoted(join(dir, 'nginx.pid'))};
error_log ${quoted(join(dir, 'error.log'))} warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  # Our Engine and node:http keep a connection for any number of requests; nginx's default closes
  # it after 1000, which would make wrk reconnect and cost nginx accepts the others do not pay.
  keepalive_requests 1000000;
  client_body_temp_path ${quoted(join(dir, 'body'))};
  proxy_temp_path ${quoted(join(dir, 'proxy'))};
  fastcgi_temp_path ${quoted(join(dir, 'fastcgi'))};
  uwsgi_temp_path ${quoted(join(dir, 'uwsgi'))};
  scgi_temp_path ${quoted(join(dir, 'scgi'))};
  types { }
  server {
    # The backlog the Node servers use, so that all queue alike.
    listen 127.0.0.1:${port} backlog=511;
    ${location}
  }
}
`;
}

export async function startNginx(answer: NginxAnswer): Promise<NginxServer> {
  const binary = nginxBinary();
  if (binary === null) throw new Error(`nginx is not installed (looked for ${CANDIDATES.join(', ')})`);
  return onFreePort((port) => startNginxOn(binary, port, answer));
}

async function startNginxOn(binary: string, port: number, answer: NginxAnswer): Promise<NginxServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wirebench-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), config(dir, port, answer));
  // -e: the error log from the first moment, before the config names one (else /var/log/nginx).
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const errorLog = (): string => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').trim() : '');
  try {
    await waitForListener(port, child);
  } catch (err) {
    await stop(child, exited);
    const log = errorLog();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx did not start: ${(err as Error).message}${log ? `; its error log: ${log}` : ''}`, { cause: err });
  }
  return {
    port,
    pid: child.pid ?? 0,
    close: async () => {
      await stop(child, exited);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** SIGQUIT: nginx finishes what it is sending and exits; SIGKILL after 5 s if it has not. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
