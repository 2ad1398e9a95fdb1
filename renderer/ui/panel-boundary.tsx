// One panel's error boundary (issue 14: no view may blank the app). A render-time error below it
// is caught here and shown in the panel's place (PanelFallback); the rest of the workbench keeps
// working. The boundary says when its panel failed and when that was over (drawn again, or the
// fallback gone with its panel) to whoever listens through PanelHealthContext: the app keeps that
// in the settings, so a panel left broken has its saved choices reset at the next start
// (renderer/settings/panel-reset.ts).
import { createContext, useCallback, useContext, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import type { PanelFailure } from './error-details';
import { PanelFallback } from './panel-fallback';
import type { PanelId } from './panel-ids';

export interface PanelHealth {
  failed(panel: PanelId): void;
  recovered(panel: PanelId): void;
}

const NOBODY: PanelHealth = { failed: () => {}, recovered: () => {} };
export const PanelHealthContext = createContext<PanelHealth>(NOBODY);

interface PanelBoundaryProps {
  panel: PanelId;
  children: ReactNode;
  /** When one of these changes, a failed panel is drawn again (what it shows has changed). */
  resetKeys?: unknown[];
  /** Classes of the fallback's box (a top-level panel's grid area). */
  className?: string;
}

export function PanelBoundary({ panel, children, resetKeys, className }: PanelBoundaryProps) {
  const health = useContext(PanelHealthContext);
  // What failed, as React reports it after the fallback is drawn (componentDidCatch): the
  // component stack, and the panel's id then (a reset key may change it, as the journal's views do).
  const [caught, setCaught] = useState<{ panel: PanelId; componentStack: string | null } | null>(null);
  const onError = useCallback(
    // React itself logs the error to the console (createRoot's onCaughtError).
    (_error: unknown, info: ErrorInfo) => setCaught({ panel, componentStack: info.componentStack ?? null }),
    [panel],
  );
  const onReset = useCallback(() => setCaught(null), []);
  // Failed while a failure is caught; recovered once it is not (drawn again after Reload or a reset
  // key), and also once the fallback goes away with its panel (another byte mode, another
  // connection): only a failure still on screen when the app closes is one to reset settings for.
  // In an effect, so that a failure caught again right after a reset is said after the recovery.
  useEffect(() => {
    if (!caught) return;
    health.failed(caught.panel);
    return () => health.recovered(caught.panel);
  }, [caught, health]);
  const componentStack = caught?.componentStack ?? null;
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      onError={onError}
      onReset={onReset}
      fallbackRender={({ error, resetErrorBoundary }) => {
        const failure: PanelFailure = { panel, error, componentStack };
        return <PanelFallback failure={failure} onReload={() => resetErrorBoundary()} className={className} />;
      }}
    >
      {children}
    </ErrorBoundary>
  );
}
