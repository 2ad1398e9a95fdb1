import { describe, expect, it } from 'vitest';
import { newSession } from '../store/client-slice';
import { DEFAULT_DRAFT, type ServerDraft } from '../store/server-draft';
import {
  clientSectionOf,
  draftFromSection,
  layoutFromSection,
  layoutSectionOf,
  serverSectionOf,
  sessionsFromSection,
} from './section-codecs';

const EDITED: ServerDraft = {
  ...DEFAULT_DRAFT,
  host: '0.0.0.0',
  port: '8080',
  expose: true,
  responder: 'routes',
  routes: [
    { method: 'GET', path: '/a', kind: 'bytes', text: 'HTTP/1.1 200 OK\\r\\n', file: '', contentType: '' },
    { method: 'POST', path: '/submit', kind: 'echo_page', text: '', file: '', contentType: '' },
  ],
  staticRoot: './html',
  staticBase: '/home/learner/lesson-l4',
  staticNotFoundText: 'No such file.',
  after: 'drip',
  dripBytes: '3',
  idleTimeoutS: '2.5',
};

describe('server section', () => {
  it('round-trips the form as typed, without the canned response (the response section has it)', () => {
    const section = serverSectionOf(EDITED);
    expect(section.draft).not.toHaveProperty('cannedText');
    expect(section.draft).not.toHaveProperty('cannedBody');
    expect(draftFromSection(JSON.parse(JSON.stringify(section)) as typeof section, DEFAULT_DRAFT)).toEqual({
      ...EDITED,
      cannedText: DEFAULT_DRAFT.cannedText,
    });
  });

  it('takes each field only with the right type and ignores the unknown ones', () => {
    const draft = draftFromSection(
      {
        draft: {
          port: 9001, // a number where text belongs
          host: 'localhost',
          expose: 'yes',
          responder: 'telepathy',
          after: 'reset',
          routes: [{ method: 'GET', path: '/', kind: 'bytes', text: '' }], // a route without all its fields
          renamedInLaterVersion: 'x',
        },
      },
      DEFAULT_DRAFT,
    );
    expect(draft).toEqual({ ...DEFAULT_DRAFT, host: 'localhost', after: 'reset' });
    expect(draft).not.toHaveProperty('renamedInLaterVersion');
  });

  it('leaves the form alone when nothing was stored', () => {
    expect(draftFromSection(undefined, EDITED)).toBe(EDITED);
  });
});

describe('client section', () => {
  it("keeps each session's target, timeout and typing choices, not its connection or history", () => {
    const live = {
      ...newSession('a'),
      targetText: 'example.com 80',
      timeoutText: '3',
      mode: 'hex' as const,
      ending: 'lf' as const,
      finalEnding: false,
      showControls: false,
      connId: 'c7',
      history: ['GET / HTTP/1.0'],
      draft: 'half typed',
    };
    const section = clientSectionOf([live, newSession('b')]);
    expect(section.sessions[0]).toEqual({
      targetText: 'example.com 80',
      timeoutText: '3',
      mode: 'hex',
      ending: 'lf',
      finalEnding: false,
      showControls: false,
    });
    let n = 0;
    const restored = sessionsFromSection(section, () => newSession(`new${n++}`));
    expect(restored?.map((s) => [s.id, s.targetText, s.mode, s.connId, s.history])).toEqual([
      ['new0', 'example.com 80', 'hex', null, []],
      ['new1', '127.0.0.1 9000', 'line', null, []],
    ]);
  });

  it('gives fresh defaults for wrong types, and nothing for an empty list', () => {
    const [s] = sessionsFromSection({ sessions: [{ targetText: 42, mode: 'morse', ending: 'none' }] }, () => newSession('x')) ?? [];
    expect(s).toEqual({ ...newSession('x'), ending: 'none' });
    expect(sessionsFromSection({ sessions: [] }, () => newSession())).toBeNull();
    expect(sessionsFromSection(undefined, () => newSession())).toBeNull();
  });
});

describe('layout section', () => {
  const base = { journalView: 'events' as const, journalLarge: true, clientActive: 0 };

  it('round-trips the journal view, its size and the active tab', () => {
    const layout = { journalView: 'bytes' as const, journalLarge: false, clientActive: 2 };
    expect(layoutFromSection(layoutSectionOf(layout), base)).toEqual(layout);
  });

  it('keeps the pane sizes the person chose, each under its own key, and reads back only sound ones', () => {
    const layout = { ...base, panes: { 'panes-main:pane-side': 35, 'panes-main:pane-client': 30.5 } };
    const section = layoutSectionOf(layout);
    expect(section).toMatchObject({ 'pane:panes-main:pane-side': 35, 'pane:panes-main:pane-client': 30.5 });
    expect(layoutFromSection(section, base)).toEqual(layout);
    const odd = { 'pane:panes-main:pane-side': 140, 'pane:x:y': 'wide', 'pane:NO:caps': 10, 'pane:nocolon': 10, 'pane:a:b': 12 };
    expect(layoutFromSection(odd, base)).toEqual({ ...base, panes: { 'a:b': 12 } });
    // None stored: no panes at all, so the panes take their defaults.
    expect(layoutFromSection({}, base)).toEqual(base);
  });

  it('ignores values it cannot use', () => {
    expect(layoutFromSection({ journalView: 'hex', journalLarge: 'no', clientActive: -1 }, base)).toEqual(base);
    expect(layoutFromSection({ clientActive: 1.5 }, base)).toEqual(base);
  });
});
