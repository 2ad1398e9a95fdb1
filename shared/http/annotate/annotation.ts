// What the HTTP annotator (shared/http/annotate/annotator.ts) makes of one direction of a connection: every byte
// attributed to exactly one span, the messages those bytes form, and the problems found, each
// pointing at its bytes. Offsets count from the first byte of that direction of the connection.
// Pure data, so the renderer, the CLI and the tests share it; problems carry codes with params,
// turned into sentences from the catalog (`problems.<code>`), like errors.

import type { SpanTable } from './span-table';

/** Which way the bytes go: requests (client to server) or responses (server to client). */
export type Side = 'request' | 'response';

import type { Span } from './span-kinds';
export { SPAN_KINDS, type Span, type SpanKind } from './span-kinds';

export const PROBLEM_CODES = [
  /** A line ends in a bare LF where HTTP requires CRLF (RFC 9112 section 2.2). */
  'bare_lf',
  /** The bytes ended (FIN) before the blank line that ends the head. */
  'missing_blank_line',
  /** A field line without a colon. params: { line } */
  'field_no_colon',
  /** Whitespace between a field name and its colon (RFC 9112 section 5.1: must be rejected). */
  'space_before_colon',
  /** A field name that is not a token. params: { name } */
  'bad_field_name',
  /** Obsolete line folding (RFC 9112 section 5.2). */
  'obs_fold',
  /** A byte beyond ASCII in a field: obs-text at best (RFC 9110 section 5.5). params: { byte } */
  'non_ascii_field',
  /** A control character in a field value (RFC 9110 section 5.5). params: { byte } */
  'ctl_in_field',
  /** The start line is not HTTP/1.x. params: { line } */
  'bad_start_line',
  /** A status line without the space and reason phrase after the code. */
  'no_reason_phrase',
  /** A status line whose version claims HTTP/1 but is not `HTTP/` DIGIT `.` DIGIT (RFC 9112 section 2.3). params: { version } */
  'bad_http_version',
  /** Spaces or tabs at the end of a reason phrase: allowed (RFC 9112 section 4), part of the phrase. params: { count } */
  'reason_trailing_space',
  /** Empty lines where a status line must be: section 2.2 lets only a server skip them, before a request. params: { lines } */
  'empty_line_before_status',
  /** Content-Length is not a number. params: { value } */
  'bad_content_length',
  /** Content-Length given twice with the same value. params: { value } */
  'duplicate_content_length',
  /** Content-Length given twice with different values (RFC 9112 section 6.3: unrecoverable). params: { values } */
  'conflicting_content_length',
  /** Both Content-Length and Transfer-Encoding (RFC 9112 section 6.1: TE wins; a sign of smuggling). */
  'content_length_and_transfer_encoding',
  /** A Transfer-Encoding whose last coding is not chunked. params: { value } */
  'unsupported_transfer_encoding',
  /** chunked applied more than once (RFC 9112 section 6.1: must not). params: { value } */
  'repeated_chunked',
  /** chunked with parameters, which it has none of (RFC 9112 section 7.1). params: { value } */
  'chunked_with_parameters',
  /** Transfer-Encoding in an HTTP/1.0 message: faulty framing (RFC 9112 section 6.1). params: { value } */
  'transfer_encoding_http10',
  /** Content-Length or Transfer-Encoding in a 1xx, a 204 or a 2xx to CONNECT (RFC 9110 sections 8.6, 9.3.6; RFC 9112 6.1). params: { name, status } */
  'framing_field_not_allowed',
  /** A 101: the connection speaks another protocol after this head (RFC 9110 section 15.2.2). params: { protocol } */
  'switching_protocols',
  /** A 2xx to CONNECT: the connection is a tunnel after this head (RFC 9110 section 9.3.6). */
  'tunnel_established',
  /** The FIN came before Content-Length's bytes did. params: { declared, received } */
  'content_length_short',
  /** Bytes follow a body whose length Content-Length declared, and they are not a next message. params: { declared } */
  'bytes_after_body',
  /** A chunk size that is not hex (RFC 9112 section 7.1). params: { line } */
  'bad_chunk_size',
  /** Chunk data not followed by CRLF. */
  'bad_chunk_end',
  /** The FIN came in the middle of a chunked body. */
  'chunked_incomplete',
  /** An HTTP/1.1 request without Host (RFC 9112 section 3.2: the server must answer 400). */
  'missing_host',
  /** A GET or HEAD with a body (RFC 9110 section 9.3.1: no defined meaning). params: { method } */
  'body_on_get',
  /** A response body that ends only when the server closes (neither Content-Length nor chunked). */
  'body_until_close',
  /** A line longer than the annotator reads (64 KiB). */
  'line_too_long',
  /** One message had more chunks, or more fields and trailers, than the annotator keeps as records (their bytes are all still spans). params: { kind, kept, total } */
  'records_not_kept',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What records_not_kept counts (its `kind` param): a message's chunks, or its fields and trailers. */
export const RECORD_KINDS = ['chunks', 'fields'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How serious: an error breaks HTTP; a warning is allowed but worth knowing; info explains. */
export type Severity = 'error' | 'warning' | 'info';

/** How serious each problem is: what the problems list sorts and colours by. */
export const PROBLEM_SEVERITY: Readonly<Record<ProblemCode, Severity>> = {
  bare_lf: 'warning',
  missing_blank_line: 'error',
  field_no_colon: 'error',
  space_before_colon: 'error',
  bad_field_name: 'error',
  obs_fold: 'warning',
  non_ascii_field: 'warning',
  ctl_in_field: 'error',
  bad_start_line: 'error',
  no_reason_phrase: 'warning',
  bad_http_version: 'error',
  reason_trailing_space: 'info',
  empty_line_before_status: 'error',
  bad_content_length: 'error',
  duplicate_content_length: 'warning',
  conflicting_content_length: 'error',
  content_length_and_transfer_encoding: 'error',
  unsupported_transfer_encoding: 'error',
  repeated_chunked: 'error',
  chunked_with_parameters: 'error',
  transfer_encoding_http10: 'error',
  framing_field_not_allowed: 'error',
  switching_protocols: 'info',
  tunnel_established: 'info',
  content_length_short: 'error',
  bytes_after_body: 'error',
  bad_chunk_size: 'error',
  bad_chunk_end: 'error',
  chunked_incomplete: 'error',
  missing_host: 'error',
  body_on_get: 'warning',
  body_until_close: 'info',
  line_too_long: 'error',
  records_not_kept: 'info',
};

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  offset: number;
  length: number;
  /** The message it belongs to, or -1. */
  message: number;
  params: Record<string, string | number>;
}

export interface Field {
  name: string;
  value: string;
  /** The field line, its line end included. */
  offset: number;
  length: number;
}

export interface Chunk {
  /** Where its size line starts. */
  offset: number;
  /** Its declared size (0 for the last chunk). */
  size: number;
  /** Where its data starts, and how much of it has arrived. */
  dataOffset: number;
  dataLength: number;
}

/** How the body's end is known (RFC 9112 section 6.3); `tunnel`: no body, and what follows is not HTTP (rule 2). */
export type BodyFraming = 'none' | 'length' | 'chunked' | 'close' | 'tunnel';

export interface HttpMessage {
  index: number;
  kind: Side;
  offset: number;
  /** So far: the message may still be arriving. */
  length: number;
  complete: boolean;
  /** Request line (method, target, version) or status line (version, code, reason). */
  method?: string;
  target?: string;
  version: string;
  status?: number;
  reason?: string;
  fields: Field[];
  trailers: Field[];
  framing: BodyFraming;
  /** Content-Length's value when framing is `length`. */
  declaredLength?: number;
  /** The body as it sits in the bytes: for chunked, from the first size line to the end (RFC 9112 section 7.1's chunked-body: the trailers and the last empty line too). */
  bodyOffset: number;
  bodyLength: number;
  chunks: Chunk[];
  /**
   * Records past MAX_MESSAGE_RECORDS (shared/http/annotate/message-model.ts), counted instead of
   * kept, so one huge message costs no more memory than a big one: chunks, the data bytes of those
   * chunks, fields (Content-Length and the other fields that decide the framing are kept whatever
   * their number), trailers. Absent while none were dropped. Their bytes are in spans all the same.
   */
  chunksNotKept?: number;
  chunkDataNotKept?: number;
  fieldsNotKept?: number;
  trailersNotKept?: number;
  contentType?: string;
  contentEncoding?: string;
}

export interface Annotation {
  side: Side;
  /** Bytes annotated so far. */
  length: number;
  /** Every byte in exactly one span, in order, with no gaps: a table of columns (span-table.ts), not an object per span. */
  spans: SpanTable;
  messages: HttpMessage[];
  problems: Problem[];
  /** True once end() was called (the peer's FIN): nothing is pending any more. */
  ended: boolean;
}

/** An annotation as JSON has it (JSON.stringify; `wirebench annotate --json`): its spans as objects. */
export type AnnotationJson = Omit<Annotation, 'spans'> & { spans: Span[] };
