// A connection's state as a learner tells them apart, read off its summary's flags. Its own module
// because the connection list and the client console (client-slice's phases) both need it, and a
// slice importing another slice is how the store's import circles began.
import type { ConnSummary } from '../../shared/contract/contract';

/** The states a learner distinguishes, from the summary's flags (RFC 9293 section 3.3.2, simplified). */
export type ConnState = 'open' | 'fin_sent' | 'fin_received' | 'fin_both' | 'closed' | 'reset';

export function connStateOf(c: ConnSummary): ConnState {
  if (c.reset) return 'reset';
  if (c.closed) return 'closed';
  if (c.finSent && c.finReceived) return 'fin_both';
  if (c.finSent) return 'fin_sent';
  if (c.finReceived) return 'fin_received';
  return 'open';
}
