// UI: the search box in the title bar. Matches as the user types (index built once per dataset,
// on first use, so it costs nothing at load); arrows move through the results, Enter or a click
// flies there and opens the details, Esc clears. `/` or Ctrl+K focuses it from anywhere except
// while typing in another field. Every name is rendered as text.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapData } from '../../model';
import { useLang, useT } from '../../i18n';
import { useSelection } from '../../state/selection';
import { useMapCamera } from '../../state/map-camera';
import { buildSearchIndex, searchIndex, type SearchEntry, type SearchIndex } from './search-index';

/** Zoom for a point result (a camera, a place): street level, where its symbol and sector show. */
const POINT_ZOOM = 16;

function isTypingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function SearchBox({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const input = useRef<HTMLInputElement>(null);
  const index = useRef<{ data: MapData; index: SearchIndex } | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const results = useMemo(() => {
    if (!query.trim()) return [];
    if (index.current?.data !== data) index.current = { data, index: buildSearchIndex(data) };
    return searchIndex(index.current.index, query);
  }, [query, data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k';
      if (!(slash || ctrlK) || isTypingIn(e.target)) return;
      e.preventDefault(); // neither a typed "/" nor the browser's own Ctrl+K
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (entry: SearchEntry) => {
    // Select first: the map keeps room for the details panel when it fits the area.
    if (entry.selection) useSelection.getState().select(entry.selection);
    const target = entry.target;
    useMapCamera.getState().flyTo('bounds' in target ? { bounds: target.bounds } : { center: target.point, zoom: POINT_ZOOM });
    setOpen(false);
    input.current?.blur();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      setOpen(true);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      const r = results[Math.min(active, results.length - 1)];
      if (r) choose(r.entry);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      setActive(0);
      setOpen(false);
    }
  };

  const listId = 'search-results';
  const shown = open && query.trim() !== '';
  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        data-testid="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && results[active] ? `search-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // A click on a result lands before the blur closes the list (mousedown is prevented there).
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul className="search-results" id={listId} role="listbox" data-testid="search-results">
          {results.length === 0 && <li className="none">{t('search.none')}</li>}
          {results.map((r, i) => (
            <li
              key={r.entry.key}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              data-kind={r.entry.kind}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(r.entry)}
            >
              <span className="search-name">{lang === 'en' ? r.entry.nameEn : r.entry.name}</span>
              {r.entry.detail && <span className="search-detail">{r.entry.detail}</span>}
              <span className="search-kind">{t(`search.kind.${r.entry.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
