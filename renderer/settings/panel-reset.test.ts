// A panel left broken when the app closed has the settings it draws from reset at the next start,
// with one notice per kind of settings reset; the record itself goes too.
import { describe, expect, it } from 'vitest';
import type { StoredSettings } from '../../shared/contract/app-settings';
import { FAILED_PANELS_KEY, failedPanelsOf, resetFailedPanels, withFailedPanels } from './panel-reset';

const response = { text: 'HTTP/1.1 200 OK\\r\\n\\r\\n', body: null, enter: 'crlf' as const };
const stored: StoredSettings = {
  server: { draft: { port: '8123' } },
  client: { sessions: [{ targetText: 'localhost 8123' }] },
  response,
  presets: { presets: [] },
  layout: { journalView: 'bytes', journalLarge: false, clientActive: 1 },
};

describe('resetFailedPanels', () => {
  it('changes nothing when no panel was left broken', () => {
    expect(resetFailedPanels(stored)).toEqual({ stored, notices: [], sections: [] });
  });

  it('resets the journal’s view and size when one of its views was left broken, and nothing else', () => {
    const reset = resetFailedPanels({ ...stored, layout: withFailedPanels(stored.layout ?? {}, ['bytesHex', 'bytes']) });
    expect(reset.stored).toEqual({ ...stored, layout: { clientActive: 1 } });
    expect(reset.notices).toEqual([{ code: 'panel_reset', params: { panel: 'bytesHex', group: 'journal' } }]);
    expect(reset.sections).toEqual(['layout']);
  });

  it('resets whole sections for the client console, the server panel and the response editor', () => {
    const layout = { ...stored.layout, [FAILED_PANELS_KEY]: 'client,server,editor' };
    const reset = resetFailedPanels({ ...stored, layout });
    expect(reset.stored).toEqual({ presets: { presets: [] }, layout: { journalView: 'bytes', journalLarge: false } });
    expect(reset.notices.map((n) => n.params.group)).toEqual(['client', 'server', 'response']);
    expect(reset.sections.sort()).toEqual(['client', 'layout', 'response', 'server']);
  });

  it('drops a record naming only panels that keep nothing, or unknown ones, without a notice', () => {
    const layout = { ...stored.layout, [FAILED_PANELS_KEY]: 'connections,someday-panel' };
    const reset = resetFailedPanels({ ...stored, layout });
    expect(reset.stored).toEqual(stored);
    expect(reset.notices).toEqual([]);
    expect(reset.sections).toEqual(['layout']); // saved again, without the record
  });
});

describe('the record in the layout section', () => {
  it('is written only when a panel failed, and read back as known ids', () => {
    expect(withFailedPanels({ journalView: 'events' }, [])).toEqual({ journalView: 'events' });
    const layout = withFailedPanels({ journalView: 'events' }, ['diagram', 'client']);
    expect(layout[FAILED_PANELS_KEY]).toBe('diagram,client');
    expect(failedPanelsOf(layout)).toEqual(['diagram', 'client']);
    expect(failedPanelsOf({ [FAILED_PANELS_KEY]: 3 })).toEqual([]);
    expect(failedPanelsOf(undefined)).toEqual([]);
  });
});
