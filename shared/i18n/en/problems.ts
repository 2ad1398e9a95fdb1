// English sentences for the HTTP annotator's problems (shared/http/annotate/annotation.ts PROBLEM_CODES): what is
// wrong (or worth knowing) about the bytes a problem points at, and why, with its params.
import type { ProblemCode, RecordKind } from '../../http/annotate/annotation';
import type { CodeSentences, EnForm, PluralWords } from '../sentence-family';

/** Problems that count something, so have plural forms (by `count`, shared/i18n/coded-sentences.ts). */
export type PluralProblem = 'reason_trailing_space' | 'content_length_short' | 'bytes_after_body';

/** What every language's problems section holds, in its plural forms. */
export type ProblemSentences<Form extends string> = CodeSentences<ProblemCode, PluralProblem, Form> & {
  records: PluralWords<RecordKind, Form>;
};

export const problems = {
  bare_lf:
    'This line ends in a bare LF where HTTP wants CRLF (lines ending so in this message: {{lines}}). RFC 9112 section 2.2 lets a recipient accept it, and curl and Chromium do: they read the response as if its lines ended in CRLF. A strict peer may refuse it.',
  missing_blank_line:
    'The bytes ended before the blank line that ends the head: the message is incomplete. As a response: curl, given a Content-Length, waits for that body and fails when the connection closes (exit 18); Chromium takes the head as ended and shows an empty page.',
  field_no_colon: 'This header line has no colon, so it is not a field: "{{line}}".',
  space_before_colon: 'There is whitespace between the field name and its colon; a server must reject such a message (RFC 9112 section 5.1).',
  bad_field_name: '"{{name}}" is not a valid field name: names are tokens (letters, digits and a few symbols, no spaces).',
  obs_fold: 'This line starts with whitespace: obsolete line folding, which continues the previous field (RFC 9112 section 5.2).',
  non_ascii_field: 'The byte {{byte}} in this field is beyond ASCII: peers may read it differently.',
  ctl_in_field: 'The control byte {{byte}} is not allowed in a field (RFC 9110 section 5.5).',
  bad_start_line:
    'This is not an HTTP/1.x start line: "{{line}}". What follows cannot be read as HTTP. As a response: curl refuses it as HTTP/0.9 ("Received HTTP/0.9 when not allowed"); Chromium, on a port other than 80, shows an error page (ERR_INVALID_HTTP_RESPONSE).',
  no_reason_phrase: 'The status line has no space and reason phrase after its code; most clients accept it.',
  bad_http_version:
    '"{{version}}" is not an HTTP version: after HTTP/ come a digit, a dot and a digit, as in HTTP/1.1 (RFC 9112 section 2.3). curl refuses the response ("Unsupported HTTP version in response"); Chromium still shows it.',
  reason_trailing_space_one: 'The reason phrase ends in whitespace ({{count}} byte). Allowed: a reason phrase may hold spaces (RFC 9112 section 4), so these belong to it, and clients ignore the phrase anyway; curl and Chromium accept the response, and Chromium gives the phrase without them.',
  reason_trailing_space_other: 'The reason phrase ends in whitespace ({{count}} bytes). Allowed: a reason phrase may hold spaces (RFC 9112 section 4), so these belong to it, and clients ignore the phrase anyway; curl and Chromium accept the response, and Chromium gives the phrase without them.',
  empty_line_before_status:
    'An empty line where the status line must be ({{lines}} in a row). A server may skip empty lines before a request (RFC 9112 section 2.2); nothing lets a client skip them before a response. curl refuses the response ("Received HTTP/0.9 when not allowed"); Chromium skips the line and shows the response.',
  bad_content_length: 'Content-Length "{{value}}" is not a number, so the body cannot be delimited.',
  duplicate_content_length: 'Content-Length is given more than once (all {{value}}); allowed, but a sign of a confused sender.',
  conflicting_content_length: 'Content-Length is given with different values ({{values}}): the body cannot be delimited (RFC 9112 section 6.3).',
  content_length_and_transfer_encoding:
    'Both Content-Length and Transfer-Encoding are present: Transfer-Encoding wins, and the pair is a sign of request smuggling (RFC 9112 section 6.1).',
  unsupported_transfer_encoding: 'Transfer-Encoding "{{value}}" does not end in chunked, so the body cannot be delimited.',
  repeated_chunked:
    'Transfer-Encoding "{{value}}" applies chunked more than once, which a sender must not do (RFC 9112 section 6.1): a server refuses such a request; a client reads the outer chunks.',
  chunked_with_parameters:
    'Transfer-Encoding "{{value}}" gives chunked parameters, and chunked has none (RFC 9112 section 7.1): it is not the chunked coding, so the body cannot be delimited by it.',
  transfer_encoding_http10:
    'Transfer-Encoding "{{value}}" in an HTTP/1.0 message: HTTP/1.0 has no transfer codings, so the framing is faulty (RFC 9112 section 6.1); a server refuses the request, a client reads the response until the close.',
  framing_field_not_allowed:
    'A {{status}} response must not carry {{name}}: it never has a body (RFC 9110 sections 8.6 and 9.3.6, RFC 9112 section 6.1), so the field is ignored.',
  switching_protocols:
    'Switching Protocols (Upgrade: "{{protocol}}"): from the byte after this head the connection speaks that protocol, not HTTP (RFC 9110 section 15.2.2).',
  tunnel_established:
    'A 2xx answer to CONNECT: from the byte after this head the connection is a tunnel, and its bytes are not HTTP (RFC 9110 section 9.3.6).',
  content_length_short_one: 'The connection ended after {{received}} of the {{count}} byte Content-Length declared: the body is cut short. curl hands over what came, then fails ("transfer closed with … bytes remaining to read", exit 18).',
  content_length_short_other: 'The connection ended after {{received}} of the {{count}} bytes Content-Length declared: the body is cut short. curl hands over what came, then fails ("transfer closed with … bytes remaining to read", exit 18).',
  bytes_after_body_one: 'Bytes follow the {{count}}-byte body Content-Length declared, and they are not a next message. curl and Chromium stop reading at the declared length and never show them.',
  bytes_after_body_other: 'Bytes follow the {{count}}-byte body Content-Length declared, and they are not a next message. curl and Chromium stop reading at the declared length and never show them.',
  bad_chunk_size: 'This chunk size line is not a hex number: "{{line}}".',
  bad_chunk_end: 'The chunk data is not followed by CRLF: the chunk sizes and the data disagree.',
  chunked_incomplete: 'The connection ended in the middle of a chunked body, before its last (zero-size) chunk.',
  missing_host: 'An HTTP/1.1 request without a Host header: the server must answer 400 Bad Request (RFC 9112 section 3.2).',
  body_on_get: 'A {{method}} request with a body: it has no defined meaning (RFC 9110 section 9.3.1).',
  body_until_close:
    'Neither Content-Length nor chunked: the body ends only when the server closes the connection (its FIN).',
  line_too_long: 'A line longer than 64 KiB: the annotator stops reading it as HTTP here.',
  records_not_kept:
    'This message has {{records}}: the annotator lists the first {{kept}} and, from this one on, only counts them, so that one huge message cannot exhaust memory. Nothing is lost from view: every byte is still shown and attributed, and the framing and problems are found as before.',
  /** records_not_kept's records: how many of which kind (its kind and total). */
  records: {
    chunks_one: '{{count}} chunk',
    chunks_other: '{{count}} chunks',
    fields_one: '{{count}} field',
    fields_other: '{{count}} fields',
  },
} satisfies ProblemSentences<EnForm>;
