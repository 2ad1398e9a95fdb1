// Whether the learner has dismissed the Lessons panel's first-run welcome, kept in the settings
// file's `lessons` section (shared/contract/app-settings.ts). Read once the settings have loaded;
// a dismissal made before they arrive (a slow host) is kept rather than overwritten.
import { useEffect, useState } from 'react';
import { DEFAULT_LESSONS_SECTION } from '../../../shared/contract/app-settings';
import { loadedSection, saveSection, whenSettingsLoaded } from '../../settings/settings-sync';

export function useWelcomeDismissed(): [dismissed: boolean, dismiss: () => void] {
  const [dismissed, setDismissed] = useState(() => (loadedSection('lessons') ?? DEFAULT_LESSONS_SECTION).welcomeDismissed);
  useEffect(() => {
    let live = true;
    void whenSettingsLoaded().then(() => {
      if (live && loadedSection('lessons')?.welcomeDismissed === true) setDismissed(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const dismiss = (): void => {
    setDismissed(true);
    saveSection('lessons', { welcomeDismissed: true });
  };
  return [dismissed, dismiss];
}
