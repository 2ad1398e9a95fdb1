// A value that follows another at most once per interval. Under load the store changes every frame
// (a journal.delta per frame, touching every busy connection), and a view that redraws dozens of
// cards or entries per frame takes the frame budget the rest of the page needs: the console's
// transcript must show a typed line at once (issue 19). Counters and lists that change faster
// than anyone reads them can follow a few times a second. The first change after a quiet spell is
// shown at once (in the commit after it), so a single click or connection is not delayed; changes
// that come faster are gathered and shown together at the end of the interval.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = (): void => {
      lastShownAt.current = performance.now();
      setShown(() => value);
    };
    const wait = lastShownAt.current + intervalMs - performance.now();
    const timer = setTimeout(show, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
