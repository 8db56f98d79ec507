// UI: a row of mutually exclusive buttons (a radio group) — display modes, measures, buckets.
import type { ReactNode } from 'react';

export function Segmented<T extends string | number>(props: {
  options: readonly T[];
  value: T;
  onChange(value: T): void;
  label(value: T): ReactNode;
  /** data-testid of each button: `${testIdPrefix}${value}`. */
  testIdPrefix: string;
  ariaLabel?: string;
  className?: string;
}) {
  const { options, value, onChange, label, testIdPrefix, ariaLabel, className } = props;
  return (
    <div className={`segmented ${className ?? ''}`} role="radiogroup" aria-label={ariaLabel}>
      {options.map((o) => (
        <button key={o} role="radio" aria-checked={value === o} data-testid={`${testIdPrefix}${o}`} onClick={() => onChange(o)}>
          {label(o)}
        </button>
      ))}
    </div>
  );
}
