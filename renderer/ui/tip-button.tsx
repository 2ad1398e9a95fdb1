// A button that says what it will put on the wire before it is pressed: the sentence is both the
// native tooltip (title) and, for screen readers, the button's description.
import { useId, type ButtonHTMLAttributes } from 'react';

interface TipButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tip: string;
  testId: string;
}

export function TipButton({ tip, testId, children, ...rest }: TipButtonProps) {
  const id = useId();
  return (
    <>
      <button type="button" {...rest} data-testid={testId} title={tip} aria-describedby={id}>
        {children}
      </button>
      <span id={id} className="visually-hidden">
        {tip}
      </span>
    </>
  );
}
