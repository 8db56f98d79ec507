// UI: what the opened link held that could not be used (an unknown parameter, a town not in this
// dataset, a zoom that is not a number) — listed once, dismissible; the rest of the link applied.
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useUrlNotices } from '../state/url-sync';
import { DismissibleNotice } from './DismissibleNotice';

export function UrlNotice() {
  const t = useT();
  const { notices, dismiss } = useUrlNotices(useShallow((s) => ({ notices: s.notices, dismiss: s.dismiss })));
  const items = notices.map((n) => (
    <>
      <code>{n.param}={n.value}</code> {t(`link.ignored.${n.reason}`)}
    </>
  ));
  return <DismissibleNotice testId="url-notice" closeTestId="url-notice-close" title={t('link.ignored')} items={items} onDismiss={dismiss} />;
}
