// UI: what the opened link held that could not be used (an unknown parameter, a town not in this
// dataset, a zoom that is not a number) — listed once, dismissible; the rest of the link applied.
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useUrlNotices } from '../state/url-sync';

export function UrlNotice() {
  const t = useT();
  const { notices, dismiss } = useUrlNotices(useShallow((s) => ({ notices: s.notices, dismiss: s.dismiss })));
  if (notices.length === 0) return null;
  return (
    <div className="url-notice" data-testid="url-notice" role="status">
      <span>{t('link.ignored')}</span>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            <code>{n.param}={n.value}</code> {t(`link.ignored.${n.reason}`)}
          </li>
        ))}
      </ul>
      <button className="url-notice-close" data-testid="url-notice-close" aria-label={t('link.dismiss')} title={t('link.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
