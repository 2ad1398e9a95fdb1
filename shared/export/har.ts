// A connection's HTTP messages as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): one
// entry per request, paired with the final response that answers it (RFC 9112 section 9.3: on one
// connection responses come in the order of the requests; 1xx are interim, RFC 9110 section 15.2).
// Times come from the journal: startedDateTime is the wall clock of the chunk that carried the
// request's first byte, send/wait/receive the monotonic time between the chunks that carried the
// first and last bytes of each message. What a chunk's time cannot tell (DNS, connect, TLS,
// queueing) is -1, as HAR says for timings that do not apply.
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { connectionMessages, serverEnd, type SeenMessage } from './journal-messages';
import { fieldValue, formPairs, harContent, harText, headSize, queryString, requestCookies, requestUrl, responseCookies } from './har-parts';
import type { Har, HarEntry, HarPostData, HarRequest, HarResponse } from './har-types';

export interface HarOptions {
  /** log.creator.version: the app's version. */
  creatorVersion?: string;
}

/** ms to the microsecond: the journal's clock is finer than anyone reading a HAR needs. */
const ms = (value: number): number => Math.round(Math.max(0, value) * 1000) / 1000;

/** 1xx responses other than 101 are interim: the request's final response is still to come. */
const isInterim = (m: SeenMessage): boolean => m.message.status !== undefined && m.message.status >= 100 && m.message.status < 200 && m.message.status !== 101;

function postData(req: SeenMessage): HarPostData | undefined {
  const m = req.message;
  if (m.bodyLength === 0 && req.content.length === 0) return undefined;
  const mimeType = m.contentType ?? '';
  const { text, encoding } = harText(req.content);
  const data: HarPostData = { mimeType, text };
  if (encoding) {
    data._encoding = encoding;
    data.comment = 'text is base64: the body is not UTF-8 text';
  } else if (mimeType.toLowerCase().startsWith('application/x-www-form-urlencoded')) data.params = formPairs(text);
  return data;
}

function harRequest(req: SeenMessage, summary: Pick<ConnSummary, 'role' | 'local' | 'remote'>): HarRequest {
  const m = req.message;
  const request: HarRequest = {
    method: m.method ?? '',
    url: requestUrl(m, serverEnd(summary)),
    httpVersion: m.version,
    cookies: requestCookies(m.fields),
    headers: m.fields.map((f) => ({ name: f.name, value: f.value })),
    queryString: queryString(m),
    headersSize: headSize(m),
    bodySize: m.bodyLength,
  };
  const body = postData(req);
  if (body) request.postData = body;
  const notes = messageNotes(req);
  if (notes) request.comment = notes;
  return request;
}

function harResponse(res: SeenMessage): HarResponse {
  const m = res.message;
  const response: HarResponse = {
    status: m.status ?? 0,
    statusText: m.reason ?? '',
    httpVersion: m.version,
    cookies: responseCookies(m.fields),
    headers: m.fields.map((f) => ({ name: f.name, value: f.value })),
    content: harContent(res.content, m.contentType),
    redirectURL: fieldValue(m.fields, 'location') ?? '',
    headersSize: headSize(m),
    bodySize: m.bodyLength,
  };
  if (m.contentEncoding) response.content.comment = `content coded ${m.contentEncoding}: the bytes as sent, not decoded`;
  const notes = messageNotes(res);
  if (notes) response.comment = notes;
  return response;
}

/** What HAR has no field for: trailers, and a message cut short. */
function messageNotes(seen: SeenMessage): string {
  const m = seen.message;
  const notes: string[] = [];
  if (m.trailers.length > 0) notes.push(`trailers: ${m.trailers.map((t) => `${t.name}: ${t.value}`).join(', ')}`);
  if (!m.complete) notes.push('incomplete: the connection ended before the whole message');
  return notes.join('; ');
}

/** A request no response answered (yet): HAR still wants a response object; status 0 as browsers write it. */
const NO_RESPONSE: HarResponse = {
  status: 0,
  statusText: '',
  httpVersion: '',
  cookies: [],
  headers: [],
  content: { size: 0, mimeType: 'x-unknown' },
  redirectURL: '',
  headersSize: -1,
  bodySize: -1,
  comment: 'no response on this connection',
};

function entry(req: SeenMessage, res: SeenMessage | undefined, summary: ConnSummary): HarEntry {
  const send = ms(req.last.t - req.first.t);
  const wait = res ? ms(res.first.t - req.last.t) : 0;
  const receive = res ? ms(res.last.t - res.first.t) : 0;
  const client = summary.role === 'server' ? summary.remote : summary.local;
  return {
    startedDateTime: new Date(req.first.at).toISOString(),
    time: ms(send + wait + receive),
    request: harRequest(req, summary),
    response: res ? harResponse(res) : { ...NO_RESPONSE, cookies: [], headers: [], content: { ...NO_RESPONSE.content } },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send, wait, receive, ssl: -1 },
    serverIPAddress: serverEnd(summary).host,
    connection: String(client.port),
    comment: `Wirebench connection ${summary.connId}`,
  };
}

/** The HAR 1.2 document of one connection's HTTP exchanges, from its summary and its journal. */
export function connectionToHar(summary: ConnSummary, events: readonly JournalEvent[], options: HarOptions = {}): Har {
  const { requests, responses, wholeStreams } = connectionMessages(summary, events);
  const finals = responses.filter((r) => !isInterim(r));
  const har: Har = {
    log: {
      version: '1.2',
      creator: { name: 'Wirebench', version: options.creatorVersion ?? '0' },
      entries: requests.map((req, i) => entry(req, finals[i], summary)),
    },
  };
  if (!wholeStreams || summary.payloadEvicted) har.log.comment = 'part of the payload was no longer stored: only the messages before it are here';
  return har;
}

/**
 * Several connections in one HAR (a whole session, or a page's connections): their entries in the
 * order their requests started, as HAR viewers expect them.
 */
export function connectionsToHar(conns: readonly { summary: ConnSummary; events: readonly JournalEvent[] }[], options: HarOptions = {}): Har {
  const hars = conns.map((c) => connectionToHar(c.summary, c.events, options));
  const entries = hars.flatMap((h) => h.log.entries).sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  const har: Har = { log: { version: '1.2', creator: { name: 'Wirebench', version: options.creatorVersion ?? '0' }, entries } };
  const comments = [...new Set(hars.flatMap((h) => (h.log.comment ? [h.log.comment] : [])))];
  if (comments.length > 0) har.log.comment = comments.join('; ');
  return har;
}
