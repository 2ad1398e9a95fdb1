// The teardown golden files' format (shared/teardown/fixtures/README.md says it for people): the
// journals of one real run in, the diagram's arrows and its steps (with their English sentences)
// out. Reading a file, and writing a model the way a file expects it, so the runner compares text
// with text and a failure shows the lines that differ. Pure, like the model.
import type { JournalEvent } from '../../contract/contract';
import { rst } from '../../i18n/en/rst';
import { teardown } from '../../i18n/en/ui-teardown';
import type { LadderModel, LadderStep, SideState } from '../ladder-types';
import { narrationKey } from '../narration-key';

export interface TeardownGolden {
  /** The journals, in the order they were written (ours first). */
  journals: JournalEvent[][];
  arrows?: string;
  steps?: string;
}

/** The fenced blocks of a golden file: `journal` (one JSON event a line; one block per end), `arrows`, `steps`. */
export function parseTeardownGolden(markdown: string): TeardownGolden {
  const out: TeardownGolden = { journals: [] };
  let fence: { kind: string; lines: string[] } | null = null;
  for (const raw of markdown.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (fence) {
      if (line.startsWith('```')) {
        if (fence.kind === 'journal') out.journals.push(fence.lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as JournalEvent));
        else if (fence.kind === 'arrows' || fence.kind === 'steps') out[fence.kind] = fence.lines.join('\n').trim();
        fence = null;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^```(\w+)/.exec(line);
    if (open) fence = { kind: open[1] as string, lines: [] };
  }
  return out;
}

/** A journal as a golden file holds it: one event a line, its payload left out (the model reads lengths only). */
export function journalBlock(events: readonly JournalEvent[]): string {
  return events.map((e) => JSON.stringify(e.kind === 'data' ? { ...e, bytes: null } : e)).join('\n');
}

const ms = (t: number): string => `+${t.toFixed(3)} ms`;

/** One line an arrow: index, who sent what, when it left and when it landed. */
export function renderArrows(model: LadderModel): string {
  return model.arrows
    .map((a, i) => {
      const what = a.kind === 'data' ? `data ${a.length}` : a.kind;
      const known = a.landedOnly ? ' (seen where it landed)' : '';
      return `${i} ${a.from} ${what} ${ms(a.sentT)} -> ${ms(a.arrivedT)}${known}`;
    })
    .join('\n');
}

const standing = (s: SideState): string =>
  `${s.state}${s.source === 'kernel' ? ' (kernel)' : ' (inferred)'}${s.canSend ? ' send' : ''}${s.canReceive ? ' receive' : ''}`;

/** Three lines a step: number, time, side and code (and arrow); its English sentence; both sides after it. */
export function renderSteps(model: LadderModel): string {
  return model.steps
    .map((s, i) => {
      const arrow = s.arrow === null ? '' : ` [arrow ${s.arrow}]`;
      return [`${i + 1}. ${ms(s.t)} ${s.side} ${s.code}${arrow}`, `   ${englishNarration(s)}`, `   client ${standing(s.states.client)} | server ${standing(s.states.server)}`].join('\n');
    })
    .join('\n');
}

/** The step's sentence from the English catalog, as i18next would make it. */
export function englishNarration(step: LadderStep): string {
  const { key, params, keyParams } = narrationKey(step);
  const all: Record<string, string | number> = { ...params };
  for (const [name, k] of Object.entries(keyParams)) all[name] = lookup({ rst, ui: { teardown } }, k);
  const plural = typeof params.count === 'number' ? (params.count === 1 ? '_one' : '_other') : '';
  const text = lookup(teardown.narrate, `${key}${plural}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(all[name] ?? `{{${name}}}`));
}

function lookup(root: unknown, key: string): string {
  let node: unknown = root;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no sentence at ${key}`);
  return node;
}
