// Where the line reader, the span store and the message model meet: the bytes at the queue's
// front, once read, leave the queue (shared/http/annotate/line-reader.ts) as spans in the store
// (spans.ts), in the message arriving (message-model.ts), which grows by them. Every reader of
// lines and bodies lays out its bytes through here, so the three always agree: every byte
// consumed is in exactly one span, and the current message ends where the last span does.
import type { HttpMessage } from './annotation';
import type { LineReader } from './line-reader';
import type { MessageModel } from './message-model';
import { NO_FIELD, type SpanStore } from './spans';

export class Cursor {
  constructor(
    private readonly lines: LineReader,
    private readonly spans: SpanStore,
    private readonly model: MessageModel,
  ) {}

  /** The next `length` bytes are a span of `kind` (a KIND number), in the current message if any. */
  take(kind: number, length: number, field = NO_FIELD): void {
    const lines = this.lines;
    lines.consume(length);
    const msg = this.model.msg;
    this.spans.add(kind, length, msg ? msg.index : -1, field);
    if (msg) msg.length = lines.offset - msg.offset;
  }

  /**
   * A span of the current message, of bytes consumed() will consume: a line read whole from its
   * bytes (shared/http/annotate/quick-lines.ts) lays out its parts, then leaves the queue in one step.
   */
  put(kind: number, length: number, field = NO_FIELD): void {
    this.spans.add(kind, length, (this.model.msg as HttpMessage).index, field);
  }

  /** The next `length` bytes, put() as spans already, leave the queue; the current message grows by them. */
  consumed(length: number): void {
    const lines = this.lines;
    lines.consume(length);
    const msg = this.model.msg as HttpMessage;
    msg.length = lines.offset - msg.offset;
  }
}
