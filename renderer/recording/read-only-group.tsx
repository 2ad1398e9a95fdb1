// A panel's live controls, held together so a recording disables them all at once (a disabled
// fieldset disables every control inside it) with the read-only tip on each that has none of its own.
import type { ReactNode } from 'react';
import { useReadOnly, useReadOnlyTip } from './read-only';

export function ReadOnlyGroup({ children }: { children: ReactNode }) {
  const readOnly = useReadOnly();
  const tip = useReadOnlyTip();
  return (
    <fieldset className="read-only-group" disabled={readOnly} title={tip} data-read-only={readOnly}>
      {children}
    </fieldset>
  );
}
