// "Load a preset…": the built-in presets by what they teach (lessons, HTTP as it should be, broken
// on purpose), then the learner's own. Choosing one loads it at once; its "what it teaches" line is
// each option's tooltip and is shown under the menu once loaded.
import { useTranslation } from 'react-i18next';
import type { UserPreset } from '../../../shared/contract/app-settings';
import { ALL_PRESETS, type Preset, type PresetGroup } from '../../../shared/server/presets';

const GROUPS: readonly { group: PresetGroup; key: 'groupLesson' | 'groupHttp' | 'groupBroken' }[] = [
  { group: 'lesson', key: 'groupLesson' },
  { group: 'http', key: 'groupHttp' },
  { group: 'broken', key: 'groupBroken' },
];

export type PresetChoice = { kind: 'builtin'; preset: Preset } | { kind: 'mine'; preset: UserPreset };

export function PresetsMenu({ mine, onChoose }: { mine: readonly UserPreset[]; onChoose: (choice: PresetChoice) => void }) {
  const { t } = useTranslation();
  const choose = (value: string): void => {
    const builtin = ALL_PRESETS.find((p) => `builtin:${p.name}` === value);
    if (builtin) return onChoose({ kind: 'builtin', preset: builtin });
    const own = mine.find((p) => `mine:${p.id}` === value);
    if (own) onChoose({ kind: 'mine', preset: own });
  };
  return (
    <select
      aria-label={t('ui.editor.presetsLabel')}
      title={t('ui.editor.presetsLabel')}
      data-testid="editor-preset"
      value=""
      onChange={(e) => choose(e.target.value)}
    >
      <option value="">{t('ui.editor.presetsPlaceholder')}</option>
      {GROUPS.map(({ group, key }) => (
        <optgroup key={group} label={t(`ui.editor.${key}`)}>
          {ALL_PRESETS.filter((p) => p.group === group).map((p) => (
            <option key={p.name} value={`builtin:${p.name}`} title={t(`ui.presets.${p.name}.teaches`)}>
              {t(`ui.presets.${p.name}.label`)}
            </option>
          ))}
        </optgroup>
      ))}
      {mine.length > 0 && (
        <optgroup label={t('ui.editor.groupMine')}>
          {mine.map((p) => (
            <option key={p.id} value={`mine:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
