// A checkbox with its label beside it; clicking the words ticks the box.
import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  describedBy?: string;
}

export function CheckboxField({ testId, checked, onChange, children, describedBy }: CheckboxFieldProps) {
  return (
    <label className="checkbox-field">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
