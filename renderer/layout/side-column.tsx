// The side column: the server card or the lessons, one at a time under two tabs. Both stay
// mounted (the hidden one keeps its state, and the server's live apply keeps running).
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWirebench } from '../store/store-context';
import type { SideTab } from '../store/state-types';
import { selectSideTab } from '../store/ui-slice';

const TABS: readonly SideTab[] = ['server', 'lessons'];

export function SideColumn({ server, lessons }: { server: ReactNode; lessons: ReactNode }) {
  const { t } = useTranslation();
  const tab = useWirebench(selectSideTab);
  const setTab = useWirebench((s) => s.setSideTab);
  const base = useId();
  const content: Record<SideTab, ReactNode> = { server, lessons };
  return (
    <div className="side-column">
      <div className="side-tabs" role="tablist" aria-label={t('ui.layout.side.tabs')}>
        {TABS.map((name, i) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${base}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${base}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`side-tab-${name}`}
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              // The tab pattern: arrows move between tabs (WAI-ARIA Authoring Practices, "Tabs").
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              e.preventDefault();
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? name;
              setTab(next);
              document.getElementById(`${base}-tab-${next}`)?.focus();
            }}
          >
            {t(`ui.layout.side.${name}`)}
          </button>
        ))}
      </div>
      {TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${base}-panel-${name}`}
          aria-labelledby={`${base}-tab-${name}`}
          className="side-panel"
          hidden={tab !== name}
        >
          {content[name]}
        </div>
      ))}
    </div>
  );
}
