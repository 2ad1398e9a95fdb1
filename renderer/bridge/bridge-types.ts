// What the renderer holds: the contract's Bridge, plus whether the link to the engine is up. The
// link state exists for the "disconnected" banner and to re-fetch the snapshot after a reconnect;
// nothing in the renderer needs to know which transport (IPC or WebSocket) carries it.
import type { Bridge } from '../../shared/contract/bridge';

/**
 * - connecting: the first attempt, nothing shown yet.
 * - up: commands and events flow. Every transition to `up` means "fetch the snapshot".
 * - down: the link dropped; the transport retries by itself with backoff.
 */
export type LinkState = 'connecting' | 'up' | 'down';

export interface LinkedBridge extends Bridge {
  /** Calls `handler` now with the current state, then on every change. */
  onLink(handler: (state: LinkState) => void): () => void;
}
