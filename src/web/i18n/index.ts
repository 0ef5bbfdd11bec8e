import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tuoyu.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, strict settings); Chinese is the product default.
  }
  return 'zh-CN';
}

/**
 * The server picks the language of its error messages from the `lang` cookie before
 * Accept-Language, so the cookie must always mirror the UI's choice — including the default,
 * or an English browser would get English errors on a Chinese page.
 */
function persistLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See readStoredLanguage: the cookie alone still keeps server messages consistent.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the async Cookie Store API is missing from browsers we support (older Safari, Firefox ESR).
  document.cookie = `lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang;
}

const initial = readStoredLanguage();
persistLanguage(initial);

// Chinese travels with the code that shows it (see addMessages); English is fetched whole, only
// by those who choose it, so most phones never download it.
async function loadMessages(lang: Language): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./en.json')).default);
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: {} } },
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Called by every module that names message keys, with the Chinese pieces it names (the build
 * adds the call, see scripts/viteMessages.ts): a page's texts arrive with the page's chunk, so a
 * phone opening the finder does not download the texts of the director's and officials' screens.
 */
export function addMessages(...pieces: object[]): void {
  for (const piece of pieces) i18n.addResourceBundle('zh-CN', 'translation', piece, true, false);
}

/** Resolves once the stored language's messages are loaded: the app renders after it. */
export const languageReady: Promise<void> = loadMessages(initial).then(() => {
  if (initial !== 'zh-CN') return i18n.changeLanguage(initial).then(() => undefined);
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export async function changeLanguage(lang: Language): Promise<void> {
  await loadMessages(lang);
  persistLanguage(lang);
  await i18n.changeLanguage(lang);
}

export default i18n;
