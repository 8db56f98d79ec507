// UI: "copy link" in the title bar — copies the page's URL, which always describes the view on
// screen (src/state/url-sync.ts). Without the async clipboard (plain http on an intranet is not a
// secure context) the link is shown selected in a field, for Ctrl+C.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

/** How long "copied" shows, ms. */
const CONFIRM_MS = 2000;

export function CopyLink() {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [url, setUrl] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state === 'manual') field.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    const href = location.href;
    setUrl(href);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(href);
      setState('copied');
    } catch {
      setState('manual'); // refused or unavailable: let the user copy it
    }
  };
  return (
    <span className="copy-link">
      <button className="lang" data-testid="copy-link" title={t('link.copy.title')} onClick={copy}>
        {state === 'copied' ? t('link.copied') : t('link.copy')}
      </button>
      {state === 'manual' && (
        <input
          ref={field}
          className="copy-link-field"
          data-testid="copy-link-field"
          readOnly
          value={url}
          aria-label={t('link.copy.manual')}
          title={t('link.copy.manual')}
          onBlur={() => setState('idle')}
        />
      )}
    </span>
  );
}
