// i18n: the language store and the translate function. zh-CN is the default.
import { create } from 'zustand';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';
import { readPreference, writePreference } from '../storage/preferences';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'lang';

function initialLang(): Lang {
  return readPreference(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const useLang = create<LangState>((set) => ({
  lang: initialLang(),
  setLang(lang) {
    // Private mode or a locked-down kiosk: the switch still works for this session.
    writePreference(STORAGE_KEY, lang);
    set({ lang });
  },
}));

/** Translates a key in the given language. */
export function translate(lang: Lang, key: MessageKey): string {
  return catalogues[lang][key];
}

/** React hook: a translate function bound to the current language. */
export function useT(): (key: MessageKey) => string {
  const lang = useLang((s) => s.lang);
  return (key) => catalogues[lang][key];
}

/** Numbers in the current language's grouping (12,345 / 12,345). */
export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
