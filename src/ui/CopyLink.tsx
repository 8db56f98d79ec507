// UI: "copy link" in the title bar — copies the page's URL, which always describes the view on
// screen (src/state/url-sync.ts). Without the async clipboard (plain http on an intranet is not a
// secure context) the link is shown selected in a field, for Ctrl+C.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { flushUrl } from '../state/url-sync';

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
    flushUrl();
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
      {/* An icon, not the words: the title bar has no room left at 1280 px; the tooltip says it. */}
      <button className="lang copy-link-button" data-testid="copy-link" title={t('link.copy.title')} aria-label={t('link.copy')} onClick={copy}>
        {state === 'copied' ? t('link.copied') : <LinkIcon />}
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

/** A chain link, drawn in the button's text colour. */
function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
      <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
    </svg>
  );
}
