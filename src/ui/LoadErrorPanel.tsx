// UI: the panel shown instead of the map when a dataset cannot be loaded — which file, why, what
// to do, the technical message, a retry, and a way back to the embedded demo.
import { fill, formatNumber, useLang, useT, type MessageKey } from '../i18n';
import { retryLoadDataset, type LoadFailure } from '../state/dataset';

export function LoadErrorPanel({ error }: { error: LoadFailure }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { detail, kind } = error;
  const n = (x: number | undefined) => (x === undefined ? '?' : formatNumber(lang, x));
  const values = {
    file: error.file ?? '',
    url: detail.url ?? error.file ?? '',
    status: detail.status ?? '',
    line: detail.line ?? '',
    column: detail.column ?? '',
    fields: (detail.fields ?? []).join(lang === 'en' ? ', ' : '、'),
    one: n(detail.expectedBytes?.[0]),
    two: n(detail.expectedBytes?.[1]),
    actual: n(detail.actualBytes),
  };
  const what: MessageKey = kind === 'invalid-json' && detail.line !== undefined ? 'load.invalid-json.at' : `load.${kind}`;
  // Only another dataset (?data=…) has the embedded demo to fall back on.
  const otherDataset = new URLSearchParams(location.search).has('data');
  return (
    <section className="load-error" role="alert" data-testid="load-error" data-kind={kind} data-file={error.file ?? ''}>
      <h2>{t('app.loadFailed')}</h2>
      <p className="load-error-what" data-testid="load-error-what">
        {fill(t(what), values)}
      </p>
      <p className="load-error-todo">{t(`load.${kind}.todo`)}</p>
      <details className="load-error-technical">
        <summary>{t('load.technical')}</summary>
        <code>{error.message}</code>
      </details>
      <div className="load-error-actions">
        <button className="action" data-testid="load-error-retry" onClick={retryLoadDataset}>
          {t('load.retry')}
        </button>
        {otherDataset && (
          <a className="action" data-testid="load-error-demo" href={location.pathname}>
            {t('load.demo')}
          </a>
        )}
      </div>
    </section>
  );
}
