// A labelled choice (a <select>) with one sentence under it saying what the current choice does
// on the wire. Every option's own sentence is its tooltip, so the others can be read before
// picking one.
import { useId } from 'react';

interface ChoiceFieldProps<T extends string> {
  label: string;
  testId: string;
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  hintOf: (choice: T) => string;
  onChange: (choice: T) => void;
  disabled?: boolean;
}

export function ChoiceField<T extends string>({ label, testId, value, choices, labelOf, hintOf, onChange, disabled }: ChoiceFieldProps<T>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field choice-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => {
          const picked = choices.find((c) => c === e.target.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {choices.map((c) => (
          <option key={c} value={c} title={hintOf(c)}>
            {labelOf(c)}
          </option>
        ))}
      </select>
      <p id={hintId} className="choice-hint" data-testid={`${testId}-hint`}>
        {hintOf(value)}
      </p>
    </div>
  );
}
