// The kinds of span the annotator attributes bytes to, and one span as an object. Apart from
// annotation.ts so that span-table.ts, which annotation.ts's Annotation holds, can use them
// without the two files importing each other.

export const SPAN_KINDS = [
  /** Request line: the method, the target, the version; `sp` is each space between them. */
  'method',
  'target',
  'version',
  'sp',
  /** Status line: the version (kind `version`), the status code, the reason phrase. */
  'status_code',
  'reason',
  /** The CRLF (or bare LF) that ends a start line, a field line, a chunk-size line. */
  'line_end',
  /** A field line: its name, the colon, optional whitespace around the value, the value. */
  'field_name',
  'colon',
  'ows',
  'field_value',
  /** A line starting with whitespace: obsolete line folding (RFC 9112 section 5.2). */
  'obs_fold',
  /** The empty line that ends a head (RFC 9112 section 2.1). */
  'blank_line',
  /** Empty lines before a start line: a server ignores them before a request (RFC 9112 section 2.2); before a response they are a problem. */
  'leading_empty_line',
  'body',
  /** Chunked body (RFC 9112 section 7.1): size in hex, extensions, data, the CRLF after data. */
  'chunk_size',
  'chunk_ext',
  'chunk_data',
  'chunk_end',
  /** A field line that is not one (no colon, a bad name): attributed whole, with a problem. */
  'invalid_line',
  /** Bytes the annotator cannot place (after a start line that is not HTTP, a bad chunk size). */
  'unparsed',
  /** The end of the bytes so far: a line not finished yet. More bytes, or the FIN, decide. */
  'pending',
  /** After a 101 or a 2xx to CONNECT: the bytes of the protocol switched to, not HTTP (RFC 9112 section 6.3 rule 2). */
  'tunnel',
] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export interface Span {
  offset: number;
  length: number;
  kind: SpanKind;
  /** The message it belongs to (index into `messages`), or -1 for bytes outside any message. */
  message: number;
  /** Head spans: which field line (index into the message's `fields` or `trailers`). */
  field?: number;
}
