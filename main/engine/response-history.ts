// The responder versions a server has had, so that a learner comparing two tries can see which
// bytes each connection got: every connection's `answered` note names a version, and
// server.versions gives each version's configuration back (the renderer diffs two of them).
// Bounded: the latest RESPONSE_VERSIONS_KEPT are kept, older ones are forgotten (their number stays
// in the notes, and the renderer says the version is no longer kept).
import { RESPONSE_VERSIONS_KEPT, type ResponseVersion } from '../../shared/contract/contract';
import type { ResponderConfig } from '../../shared/server/settings';

export class ResponseHistory {
  private readonly versions: ResponseVersion[] = [];

  constructor(first: ResponderConfig, private readonly now: () => number = Date.now) {
    this.versions.push({ version: 1, at: this.now(), responder: first });
  }

  get current(): number {
    return this.versions.at(-1)?.version ?? 1;
  }

  /** A new responder from now on: its version number. */
  add(responder: ResponderConfig): number {
    const version = this.current + 1;
    this.versions.push({ version, at: this.now(), responder });
    if (this.versions.length > RESPONSE_VERSIONS_KEPT) this.versions.shift();
    return version;
  }

  list(): ResponseVersion[] {
    return [...this.versions];
  }
}
