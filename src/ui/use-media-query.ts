// UI: whether a CSS media query matches, kept current as the window changes size.
import { useEffect, useState } from 'react';

/** Media query of phone widths, where the side panels become an overlay drawer closed by default (styles.css agrees). */
export const PHONE_QUERY = '(max-width: 640px)';

/** React hook: `window.matchMedia(query).matches`, re-rendering when it changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
