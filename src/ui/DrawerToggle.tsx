// UI: the title bar's button that folds the side panels in and out on tablets and phones
// (hidden by styles.css on wider screens, where the panels always show).
import { useT } from '../i18n';

export function DrawerToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <button
      className="drawer-toggle"
      data-testid="panel-drawer-toggle"
      aria-expanded={open}
      aria-controls="side-panels"
      title={t(open ? 'drawer.title.hide' : 'drawer.title.show')}
      onClick={onToggle}
    >
      <span aria-hidden="true">☰</span> {t('drawer.show')}
    </button>
  );
}
