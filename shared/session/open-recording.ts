// A file someone opens to look at: a session file (saved by the app or written by --record) or a
// capture (pcap or pcapng), told apart by their first bytes; either becomes a session to show as a
// recording. Errors are codes with params, turned into sentences where they are shown.
import { looksLikeCapture } from '../capture-reading/capture-container';
import { captureToSession } from '../capture-reading/capture-to-session';
import { decodeSession, type SessionError, type SessionFile } from './session-file';

export type OpenedRecording =
  | { ok: true; session: SessionFile; kind: 'session' | 'capture' }
  | { ok: false; error: SessionError | { code: 'capture_unreadable'; params: { file: string } } };

export function openRecording(bytes: Uint8Array, file: string, version: string): OpenedRecording {
  if (looksLikeCapture(bytes)) {
    const opened = captureToSession(bytes, file, version);
    return opened.ok ? { ok: true, session: opened.capture.session, kind: 'capture' } : opened;
  }
  const decoded = decodeSession(new TextDecoder().decode(bytes), file);
  return decoded.ok ? { ok: true, session: decoded.session, kind: 'session' } : decoded;
}
