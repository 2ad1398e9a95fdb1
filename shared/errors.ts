// Errors cross the contract as a code with parameters, never as prose or a stack trace. The
// renderer and the CLI turn each code into a sentence from the i18n catalog (shared/i18n), under
// the key `errors.<code>`, interpolating the params.
export const ERROR_CODES = [
  /** The input did not match the command's schema. params: { issues } */
  'bad_input',
  /** No such command in the contract. params: { name } */
  'unknown_command',
  /** Another socket already listens there (EADDRINUSE). params: { host, port, suggestion } (a free port nearby; 0 when none was found: any free port) */
  'port_in_use',
  /** A host beyond loopback was asked for without exposeToNetwork. params: { host } */
  'not_loopback',
  /** Ports below 1024 need privileges (EACCES). params: { host, port } */
  'permission_denied',
  /** The address is not one of this machine's (EADDRNOTAVAIL). params: { host } */
  'address_not_available',
  /** Nothing listens at host:port (ECONNREFUSED). params: { host, port } */
  'conn_refused',
  /** The peer did not answer in time (ETIMEDOUT). params: { host, port } */
  'conn_timeout',
  /** The name did not resolve (ENOTFOUND / EAI_AGAIN). params: { host } */
  'host_not_found',
  /** No route to the host (EHOSTUNREACH / ENETUNREACH). params: { host } */
  'host_unreachable',
  /** The peer reset the connection (ECONNRESET). params: { connId } */
  'conn_reset',
  /** We wrote after the peer closed (EPIPE). params: { connId } */
  'broken_pipe',
  /** No such connection. params: { connId } */
  'unknown_connection',
  /** No such server. params: { serverId } */
  'unknown_server',
  /** The action needs a writable connection, and this one has sent its FIN or closed. params: { connId, state } */
  'not_writable',
  /** Too many open files (EMFILE / ENFILE). params: {} */
  'too_many_files',
  /** Anything else the OS said. params: { errno, syscall } */
  'os_error',
  /** The settings file could not be written. params: { file, code } (the errno: EACCES, ENOSPC, ...) */
  'settings_unwritable',
  /**
   * A server was asked to serve a file or folder the person has not allowed: a page may name only
   * what was chosen in the app's dialog, or named with `wirebench web --allow`. params: { path }
   */
  'path_not_allowed',
  /** This host cannot show a file dialog (the web host: folders are named on its command line). params: {} */
  'no_dialog',
  /** The page lost its link to Wirebench (the WebSocket dropped) before the command was answered. params: { command } */
  'disconnected',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
