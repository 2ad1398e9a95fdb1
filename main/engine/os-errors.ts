// The OS speaks in errno names (EADDRINUSE, ECONNREFUSED, ...); the contract speaks in codes a
// learner can be told about (shared/contract/errors.ts). This is the one place that translates, so that no
// stack trace or Node message ever crosses the contract.
import { CommandError } from './command-error';

/** The errno name of a Node system error, or undefined for anything else. */
export function errnoOf(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // With autoSelectFamily (Node >= 20), a name with several addresses may fail as an
  // AggregateError holding one error per address tried: the first one says what happened.
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0) return errnoOf(inner[0]);
  return undefined;
}

/**
 * Whether an error is the peer's RST, and on which call Node met it: a read ('read'), or a write
 * or writev ('write'). Without a syscall (not seen so far), EPIPE can only come from a write.
 */
export function resetHow(code: string, syscall: string | undefined): 'read' | 'write' | null {
  if (code !== 'ECONNRESET' && code !== 'EPIPE') return null;
  if (syscall?.startsWith('write')) return 'write';
  if (syscall === 'read') return 'read';
  return code === 'EPIPE' ? 'write' : 'read';
}

/**
 * Why listen(host, port) failed, in the contract's words. `suggestion` is a free port to offer
 * instead when this one is in use (listen-address.ts nextFreePort; 0: none found).
 */
export function listenError(err: unknown, host: string, port: number, suggestion = 0): CommandError {
  const errno = errnoOf(err);
  switch (errno) {
    case 'EADDRINUSE':
      return new CommandError('port_in_use', { host, port, suggestion });
    case 'EACCES':
    case 'EPERM':
      return new CommandError('permission_denied', { host, port });
    case 'EADDRNOTAVAIL':
      return new CommandError('address_not_available', { host });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CommandError('host_not_found', { host });
    default:
      return common(errno, 'listen');
  }
}

/** Why connect(host, port) failed, in the contract's words. */
export function connectError(err: unknown, host: string, port: number): CommandError {
  const errno = errnoOf(err);
  switch (errno) {
    case 'ECONNREFUSED':
      return new CommandError('conn_refused', { host, port });
    case 'ETIMEDOUT':
      return new CommandError('conn_timeout', { host, port });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new CommandError('host_not_found', { host });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new CommandError('host_unreachable', { host });
    case 'EADDRNOTAVAIL':
      return new CommandError('address_not_available', { host });
    default:
      return common(errno, 'connect');
  }
}

function common(errno: string | undefined, syscall: string): CommandError {
  if (errno === 'EMFILE' || errno === 'ENFILE') return new CommandError('too_many_files', {});
  return new CommandError('os_error', { errno: errno ?? 'unknown', syscall });
}
