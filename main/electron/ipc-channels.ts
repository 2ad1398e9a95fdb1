// The only place IPC channel names are spelled. One channel carries every command (its name rides
// as the first argument and is checked against the contract by the preload and again by dispatch),
// and one channel per event, so the preload's `on` listens to exactly the event it was asked for.
import type { EventName } from '../../shared/contract/contract';

export const INVOKE_CHANNEL = 'wirebench:invoke';

export function eventChannel(name: EventName): string {
  return `wirebench:event:${name}`;
}
