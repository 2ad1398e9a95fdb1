// Loading a preset into the server form: a response preset becomes the editor's document (a
// sample-file one gets its file's bytes as the body), and the server's after-answer policy
// becomes the lesson's (L1 half-closes, L2 closes, keep-alive keeps alive), with its answer timing
// when it needs one (the L3 form answers at the end of the request); the L3 routes presets switch
// the responder to routes, and Enter inserts the loaded response's line ending. The form then applies itself to a running server as any edit does.
import { presetResponder, sampleHead, type Preset } from '../../../shared/server/presets';
import { docFromBytes, docText, fileBody } from '../../lib/response-doc';
import { responderFields } from '../../store/server-draft';
import type { WirebenchStore } from '../../store/store';
import type { PresetChoice } from './presets-menu';
import { enterOfDoc } from './preset-enter';
import { sampleFileBytes } from './sample-files';

export function applyPresetChoice(choice: PresetChoice, store: WirebenchStore): void {
  const s = store.getState();
  const before = s.serverDraft.cannedText;
  if (choice.kind === 'mine') {
    s.editServerDraft({ responder: 'canned', cannedText: choice.preset.text, cannedBody: choice.preset.body });
  } else {
    const answerWhen = choice.preset.answerWhen;
    s.editServerDraft({ ...presetFields(choice.preset, s.serverDraft), after: choice.preset.after, ...(answerWhen ? { answerWhen } : {}) });
  }
  // Enter inserts what the loaded response uses (its control shows it), so new lines match it.
  const text = store.getState().serverDraft.cannedText;
  const enter = text === before ? null : enterOfDoc(text);
  if (enter) s.setEditorEnter(enter);
}

function presetFields(preset: Preset, previous: ReturnType<WirebenchStore['getState']>['serverDraft']) {
  if (preset.kind === 'sample') {
    const file = sampleFileBytes(preset.body.sample);
    return { responder: 'canned' as const, cannedText: docText(sampleHead(preset)), cannedBody: fileBody(preset.body.sample, preset.body.type, file) };
  }
  const config = presetResponder(preset);
  if (!config) return {};
  if (config.kind === 'canned') {
    const doc = docFromBytes(config.bytes);
    return { responder: 'canned' as const, cannedText: doc.text, cannedBody: doc.body };
  }
  return responderFields(config, previous);
}
