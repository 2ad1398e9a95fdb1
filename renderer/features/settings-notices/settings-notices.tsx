// Tells the person what happened to their kept settings: a file set aside as damaged, a section
// reset, a file that could not be read (settings.load's notices), settings reset because a panel
// was left broken (renderer/settings/panel-reset.ts), or a change that could not be saved. Stays
// until dismissed: each sentence says where the old file is, which takes a moment to note down.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SETTINGS_SECTIONS, type SettingsNotice, type SettingsSection } from '../../../shared/contract/app-settings';
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { isResetGroup } from '../../settings/panel-reset';
import { isPanelId } from '../../ui/panel-ids';
import { selectSettingsNotices, selectSettingsSaveError } from '../../store/settings-slice';
import { useWirebench } from '../../store/store-context';
import './settings-notices.css';

export function SettingsNotices() {
  const { t } = useTranslation();
  const notices = useWirebench(selectSettingsNotices);
  const saveError = useWirebench(selectSettingsSaveError);
  const dismiss = useWirebench((s) => s.dismissSettingsNotices);
  if (notices.length === 0 && !saveError) return null;
  return (
    <section className="settings-banner" role="alert" aria-label={t('ui.settings.label')} data-testid="settings-banner">
      <ul>
        {notices.map((notice, i) => (
          <li key={i} data-testid="settings-notice" data-code={notice.code}>
            {noticeText(notice, t)}
          </li>
        ))}
        {saveError && (
          <li data-testid="settings-notice" data-code={saveError.code}>
            {t(errorSentenceKey(saveError), saveError.params)}
          </li>
        )}
      </ul>
      <button type="button" data-testid="settings-dismiss" title={t('ui.settings.dismissTip')} onClick={dismiss}>
        {t('ui.settings.dismiss')}
      </button>
    </section>
  );
}

function noticeText(notice: SettingsNotice, t: TFunction): string {
  const { file = '', setAside = '', code = '', section = '', panel = '', group = '' } = notice.params;
  switch (notice.code) {
    case 'corrupt':
      return t('ui.settings.notice.corrupt', { file, setAside });
    case 'unreadable':
      return t('ui.settings.notice.unreadable', { file, code });
    case 'section_reset': {
      const name = isSection(section) ? t(`ui.settings.section.${section}`) : section;
      // No set-aside path: no copy could be made, and the damaged part was left in the file.
      return setAside
        ? t('ui.settings.notice.sectionReset', { file, setAside, section: name })
        : t('ui.settings.notice.sectionResetKept', { file, section: name });
    }
    case 'panel_reset':
      return t('ui.settings.notice.panelReset', {
        panel: isPanelId(panel) ? t(`ui.boundary.the.${panel}`) : panel,
        what: isResetGroup(group) ? t(`ui.settings.panelResets.${group}`) : group,
      });
  }
}

function isSection(name: string): name is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(name);
}
