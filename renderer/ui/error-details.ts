// What "Copy details" puts on the clipboard when a panel fails: enough for a bug report (which
// part, the error, where in the code, which version), worded by the caller's catalog.
import type { TFunction } from 'i18next';
import type { PanelId } from './panel-ids';

// Set by the renderer build (electron.vite.config.ts `define`) from package.json; absent in unit
// tests, which run the sources unbuilt.
declare const __WIREBENCH_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __WIREBENCH_VERSION__ === 'string' ? __WIREBENCH_VERSION__ : 'unbuilt';

export interface PanelFailure {
  panel: PanelId;
  error: unknown;
  /** React's component stack (from componentDidCatch); null until React has reported it. */
  componentStack: string | null;
}

/** The thrown value's own message: an Error's, a string, or nothing usable (''). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? '';
  } catch {
    return '';
  }
}

export function detailsText(failure: PanelFailure, t: TFunction, version = APP_VERSION): string {
  const none = t('ui.boundary.report.none');
  const stack = failure.error instanceof Error && failure.error.stack ? failure.error.stack.trim() : none;
  const componentStack = failure.componentStack?.trim() || none;
  return [
    t('ui.boundary.report.app', { version }),
    t('ui.boundary.report.panel', { panel: t(`ui.boundary.title.${failure.panel}`), id: failure.panel }),
    t('ui.boundary.report.error', { message: errorMessage(failure.error) || none }),
    t('ui.boundary.report.stack'),
    stack,
    t('ui.boundary.report.componentStack'),
    componentStack,
  ].join('\n');
}
