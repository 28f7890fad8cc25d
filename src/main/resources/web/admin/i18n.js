/*
 * The dashboard's texts in the moderator's language (one of LANGUAGES; a right-to-left one turns the page), from
 * ?lang= in the address, else the language picked in the header (kept in localStorage), else the browser's
 * languages, else English. The bundle
 * (/i18n/admin.LANG.json) is loaded before any view renders (this module awaits it at the top level); a key the
 * bundle lacks falls back to English. The API's own error messages stay as the server writes them. Detection,
 * loading and t() are the shared ones of ../common/page.js.
 */
import {detectLanguage, hasText, loadMessages, t, translatePage as translateElements} from '../common/page.js';

export {t} from '../common/page.js';

export const LANGUAGES = {de: 'Deutsch', en: 'English', es: 'Español', fr: 'Français', it: 'Italiano',
    nl: 'Nederlands', pl: 'Polski', pt: 'Português', tr: 'Türkçe'};
const STORED = 'parley.admin.lang';

/** The language the dashboard shows. */
export const language = detectLanguage(Object.keys(LANGUAGES), localStorage.getItem(STORED));

await loadMessages('admin', language);

/** The name of a code from the API (a status, a category, an action…) in a group of keys; the code if unnamed. */
export function label(group, code) {
    const key = `${group}.${code}`;
    return hasText(key) ? t(key) : code;
}

/** Keeps a language picked in the header and shows the dashboard in it. */
export function chooseLanguage(lang) {
    localStorage.setItem(STORED, lang);
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    // Only a reload shows the new language: replacing the address with itself would just move to its #hash.
    history.replaceState(null, '', url);
    location.reload();
}

/** Translates the page's static HTML (data-i18n, data-i18n-label) and its title. */
export function translatePage() {
    translateElements(language);
    document.title = t('title');
}
