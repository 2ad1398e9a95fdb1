// The echo_page route answer: the request the server received, shown as an HTML page. Lesson L3's
// form posts to the server, and a learner wants to *see* what the browser sent (the request line,
// the headers, the blank line, the form's body) in the browser itself. Echo's
// application/octet-stream would make the browser download the bytes as a file instead.
// The page's text is protocol content the server sends, like a reason phrase, not a sentence of
// Wirebench's own UI: plain English, short, and the same whatever the app's language.
import { visibleTokens, type ByteToken } from '../../../shared/bytes/bytes';
import type { RequestHead } from '../../../shared/http/request';
import type { Reply, ReplyNote } from '../responder';
import { withBody } from './http-reply';

const encoder = new TextEncoder();
const CONTENT_TYPE = 'text/html; charset=utf-8';

/** `HTTP/1.1 200 OK`, text/html, Content-Length; the page (not for HEAD). */
export function echoPageReply(received: Uint8Array, head: RequestHead, options: { headOnly: boolean; notes: readonly ReplyNote[] }): Reply {
  return withBody(200, CONTENT_TYPE, encoder.encode(echoPage(received, head)), options);
}

/**
 * The page: one line saying what arrived, then every byte in a <pre>, read into tokens as the
 * workbench's byte views read them (shared/bytes/bytes.ts): text HTML-escaped, so a body holding
 * `<script>` is shown, never run; CR, LF and every other invisible byte as a badge with its name
 * (CR, LF, TAB, NUL, \xFF), as the app's byte views draw them, and the line still breaks after
 * each LF. Names rather than the ␍ ␊ glyphs: a browser's fonts may lack those, and a learner
 * would see empty boxes.
 */
export function echoPage(received: Uint8Array, head: RequestHead): string {
  const body = Math.max(0, received.length - head.headLength);
  const summary =
    `The server received ${received.length} bytes: ${head.method} ${head.target}` +
    (body > 0 ? `, then a body of ${body} bytes after the blank line.` : ', with no body.');
  return (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>What the server received</title>\n' +
    `<style>${STYLE}</style></head>\n` +
    `<body>\n<h1>What the server received</h1>\n<p id="summary">${escapeHtml(summary)}</p>\n` +
    `<pre id="request">${visibleTokens(received).map(tokenHtml).join('')}</pre>\n</body></html>\n`
  );
}

const STYLE = 'pre b{font-weight:normal;font-size:75%;padding:0 2px;margin:0 1px;border:1px solid #888;border-radius:3px;color:#a04000}';

function tokenHtml(token: ByteToken): string {
  if (token.kind === 'text') return escapeHtml(token.text);
  const badge = `<b>${escapeHtml(token.name ?? token.text)}</b>`;
  return token.kind === 'lf' ? `${badge}\n` : badge;
}

/** The five characters HTML gives meaning to in text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
