// UI: the title bar's 导入 button; the dialog it opens (ImportDialog) also takes files dropped on the map.
import { useT } from '../../i18n';
import { openImportDialog } from '../../state/import';
import { ImportDialog } from './ImportDialog';

export function ImportButton() {
  const t = useT();
  return (
    <>
      <button className="lang" data-testid="import-button" title={t('import.button.title')} onClick={() => openImportDialog()}>
        {t('import.button')}
      </button>
      <ImportDialog />
    </>
  );
}
