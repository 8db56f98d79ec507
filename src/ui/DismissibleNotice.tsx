// UI: a notice on the map — a heading, a list of what went wrong, and × to dismiss it. Used for a
// link's unusable parameters and for a basemap that could not be used. Items are rendered as text.
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export function DismissibleNotice({ className, testId, closeTestId, title, items, onDismiss }: {
  className?: string;
  testId: string;
  closeTestId?: string;
  title: string;
  items: ReactNode[];
  onDismiss(): void;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className={className ? `url-notice ${className}` : 'url-notice'} data-testid={testId} role="status">
      <span>{title}</span>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      <button className="url-notice-close" data-testid={closeTestId} aria-label={t('link.dismiss')} title={t('link.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
