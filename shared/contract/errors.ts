// Errors cross the contract as a code with parameters, never as prose or a stack trace. The
// renderer and the CLI turn each code into a sentence from the i18n catalog (shared/i18n), under
// the key `errors.<code>`, interpolating the params. Each code's params are a schema here, once:
// the contract's ErrorInfo is the union of them, CommandError takes exactly them, and the
// catalog is checked at compile time to use exactly them (shared/i18n/error-key.ts).
import { z } from 'zod';

const text = z.string().max(4096);
const port = z.number().int().min(0).max(65535);
const host = z.object({ host: text });
const hostPort = z.object({ host: text, port });
const conn = z.object({ connId: text });
/** The contract command (or CLI step) the error happened in. */
const command = z.object({ command: text });

/** Why a connection cannot send any more (not_writable's `state`), worded by each language's catalog. */
export const NOT_WRITABLE_STATES = ['fin_sent', 'reset', 'closed'] as const;
export type NotWritableState = (typeof NOT_WRITABLE_STATES)[number];

export const ERROR_PARAMS = {
  /** The input did not match the command's schema (or its size and depth bounds). */
  bad_input: z.object({ command: text, issues: text }),
  /** No such command in the contract. */
  unknown_command: z.object({ name: text }),
  /** Another socket already listens there (EADDRINUSE); suggestion: a free port nearby, 0 when none was found. */
  port_in_use: z.object({ host: text, port, suggestion: port }),
  /** A host beyond loopback was asked for without exposeToNetwork. */
  not_loopback: host,
  /** Ports below 1024 need privileges (EACCES). */
  permission_denied: hostPort,
  /** The address is not one of this machine's (EADDRNOTAVAIL). */
  address_not_available: host,
  /** Nothing listens at host:port (ECONNREFUSED). */
  conn_refused: hostPort,
  /** The peer did not answer in time (ETIMEDOUT). */
  conn_timeout: hostPort,
  /** The name did not resolve (ENOTFOUND / EAI_AGAIN). */
  host_not_found: host,
  /** No route to the host (EHOSTUNREACH / ENETUNREACH). */
  host_unreachable: host,
  /** The peer reset the connection (ECONNRESET). */
  conn_reset: conn,
  /** We wrote after the peer closed (EPIPE). */
  broken_pipe: conn,
  /** No such connection. */
  unknown_connection: conn,
  /** No such server. */
  unknown_server: z.object({ serverId: text }),
  /** The action needs a writable connection, and this one has sent its FIN or closed. */
  not_writable: z.object({ connId: text, state: z.enum(NOT_WRITABLE_STATES) }),
  /** Too many open files (EMFILE / ENFILE). */
  too_many_files: z.object({}),
  /** Anything else the OS said: errno is its code (EIO, ENOSPC, ...), syscall what was being done. */
  os_error: z.object({ errno: text, syscall: text }),
  /** The settings file could not be written; code is the errno (EACCES, ENOSPC, ...). */
  settings_unwritable: z.object({ file: text, code: text }),
  /**
   * A static document root that is not an absolute path: it would be read from whatever folder the
   * server process runs in, so every request would fail. The form resolves it against a folder first.
   */
  static_root_relative: z.object({ root: text }),
  /** A static document root that does not exist or is not a folder; errno: ENOENT, ENOTDIR, EACCES, ... */
  static_root_missing: z.object({ root: text, errno: text }),
  /**
   * A page named a file or folder the person has not allowed (see main/host/file-grants.ts); what:
   * a folder (a static root) or a file (a route's answer), so the sentence names the right button.
   */
  path_not_allowed: z.object({ path: text, what: z.enum(['folder', 'file']) }),
  /** This host cannot show a file dialog (the web host: folders are named on its command line). */
  no_dialog: z.object({}),
  /** Wirebench is closing: the command came too late to be done. */
  shutting_down: command,
  /** Something the command waited for did not happen in time (ms: how long it waited). */
  timed_out: z.object({ command: text, ms: z.number().int().min(0) }),
  /** The page lost its link to Wirebench (the WebSocket dropped, or the IPC call failed) before an answer. */
  disconnected: command,
  /** A file given as a session (shared/session/session-file.ts) is not one: not JSON, or not ours. */
  session_unreadable: z.object({ file: text }),
  /** A session file of a version this Wirebench does not read (a newer one's). */
  session_version: z.object({ file: text, version: text, supported: text }),
  /** A session file that breaks its schema or the journal's rules: where (a path in it) and what. */
  session_invalid: z.object({ file: text, where: text, issue: text }),
  /** A file opened as a capture is neither pcap nor pcapng (shared/capture-reading/capture-container.ts). */
  capture_unreadable: z.object({ file: text }),
  /** A recording (a session or a capture opened in the app) is looked at, not acted on: the command would act on the network. */
  recording_read_only: command,
  /** A file could not be written (a recording, an export); code is the errno (EACCES, ENOSPC, ...). */
  file_unwritable: z.object({ file: text, code: text }),
  /** A bug: a handler failed in a way nobody planned for. The details went to the host's log. */
  internal: command,
} as const;

export type ErrorCode = keyof typeof ERROR_PARAMS;
export const ERROR_CODES = Object.keys(ERROR_PARAMS) as [ErrorCode, ...ErrorCode[]];
export type ErrorParams<C extends ErrorCode> = z.infer<(typeof ERROR_PARAMS)[C]>;

/** One error as it crosses the contract: a code and exactly its params. */
export type ErrorOf<C extends ErrorCode> = { code: C; params: ErrorParams<C> };
export type AnyError = { [C in ErrorCode]: ErrorOf<C> }[ErrorCode];
