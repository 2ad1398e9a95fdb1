// A labelled input. Labels are real <label>s, so clicking one focuses its field.
import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}

export function TextField({ label, testId, value, onChange, className, ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        {...rest}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
