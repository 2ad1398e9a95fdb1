// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the parts Wirebench writes. Fields
// starting with `_` are custom, which the spec allows ("custom fields ... must start with an underscore").

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  /** ISO 8601. */
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  params?: HarNameValue[];
  /** HAR 1.2's postData has no encoding field: `base64` here says `text` is base64 (the body is not UTF-8). */
  _encoding?: 'base64';
  comment?: string;
}

export interface HarContent {
  /** Bytes of content (chunk framing taken off; content codings such as gzip are not undone). */
  size: number;
  mimeType: string;
  text?: string;
  /** base64 when the content is not UTF-8 text (HAR 1.2: content.encoding). */
  encoding?: 'base64';
  comment?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  /** From the request line's first byte to the blank line's last, or -1. */
  headersSize: number;
  /** The body's bytes as sent (chunk framing included). */
  bodySize: number;
  comment?: string;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

/** ms; -1 where the timing does not apply or is unknown; send, wait and receive never -1 (HAR 1.2). */
export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  send: number;
  wait: number;
  receive: number;
  ssl: number;
  comment?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  /** The client's port: HAR's "unique ID of the parent TCP/IP connection". */
  connection?: string;
  comment?: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment?: string;
  };
}
