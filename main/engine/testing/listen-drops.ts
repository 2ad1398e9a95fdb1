// What the robustness tests read from the kernel beside their load peers (RESET_STORM, SLOWLORIS
// and HUGE_REQUEST_LINE in ./peers.ts): whether connections were lost before accept().
import { readFileSync } from 'node:fs';

/**
 * The kernel's count of connections it completed but could not queue for accept() because the
 * listen backlog was full (TcpExt ListenDrops in /proc/net/netstat, this network namespace), or
 * null where it cannot be read. Such a connection looks open to its client but never reaches
 * accept(): the server is right not to count it.
 */
export function listenDrops(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = (lines[0] ?? '').split(/\s+/);
    const values = (lines[1] ?? '').split(/\s+/);
    const at = names.indexOf('ListenDrops');
    return at > 0 ? Number(values[at]) : null;
  } catch {
    return null;
  }
}
