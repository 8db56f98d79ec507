// UI: an element's width in CSS pixels, kept current as it resizes (charts drawn to their box).
import { useEffect, useRef, useState, type RefObject } from 'react';

/** React hook: a ref to put on an element and its clientWidth (`initial` until first measured). */
export function useElementWidth<T extends HTMLElement>(initial = 600): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
