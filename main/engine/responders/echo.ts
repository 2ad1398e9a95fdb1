// The request's own bytes back as the body of a 200: what the server received is exactly what the
// client reads, so a learner can compare what they typed with what crossed the wire.
import type { Responder } from '../responder';
import { withBody } from './http-reply';

export function echoResponder(): Responder {
  // application/octet-stream: the bytes may be anything, and a browser should not render them.
  return (request) => withBody(200, 'application/octet-stream', request.received);
}
