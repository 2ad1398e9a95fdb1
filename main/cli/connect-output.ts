// What `wirebench connect` received, to stdout.
import { concatBytes, incompleteTailLength, utf8Encode, visibleString } from '../../shared/bytes/bytes';

/**
 * What the peer sent, to stdout: the bytes themselves, or (--visible) shown as glyphs with a real
 * line break after each ␊. A UTF-8 character split across two chunks is held back until its rest
 * arrives, so it is shown as the character rather than as two broken halves.
 */
export class ReceivedBytes {
  private held: Uint8Array = new Uint8Array(0);
  private atLineStart = true;

  constructor(
    private readonly visible: boolean,
    private readonly write: (bytes: Uint8Array) => void,
  ) {}

  add(bytes: Uint8Array): void {
    if (!this.visible) return this.write(bytes);
    const data = this.held.length > 0 ? concatBytes([this.held, bytes]) : bytes;
    const cut = data.length - incompleteTailLength(data);
    this.held = data.slice(cut);
    this.show(data.subarray(0, cut));
  }

  /** The last held bytes, and a final line break so that the shell's prompt starts its own line. */
  end(): void {
    if (!this.visible) return;
    this.show(this.held);
    this.held = new Uint8Array(0);
    if (!this.atLineStart) this.write(utf8Encode('\n'));
  }

  private show(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const text = visibleString(bytes);
    this.write(utf8Encode(text));
    this.atLineStart = text.endsWith('\n');
  }
}
