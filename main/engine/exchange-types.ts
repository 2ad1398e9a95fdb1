// What an exchange (server-exchange.ts) is given by its server, and the stages it goes through.
import type { ServerSettings } from '../../shared/server/settings';
import type { Responder } from './responder';

export interface ServePlan {
  readonly settings: ServerSettings;
  readonly responder: Responder;
  /** The responder's version (ResponseHistory), named in the `answered` note. */
  readonly version: number;
}

export interface ExchangeHost {
  /** The settings and responder in force now; read when each request starts. */
  plan(): ServePlan;
  /** This connection's first answer is going out (the server's `served` counter). */
  onFirstAnswer(): void;
}

export type Stage =
  | 'waiting' // for this request's trigger: its first chunk, its end, or the peer's FIN
  | 'answering' // the responder is working
  | 'dripping'
  | 'sending' // a large file's bytes are streaming out (stream-file.ts)
  | 'finishing' // keep-alive: answered; the rest of this request is still arriving
  | 'hanging'
  | 'fin_wait' // our FIN is out; waiting for the peer's
  | 'closing'; // closed or closing: nothing more to decide
