/*
 * The dashboard's texts in the moderator's language: English or Turkish, from ?lang= in the address, else the
 * language picked in the header (kept in localStorage), else the browser's languages, else English. The bundle
 * (/i18n/admin.LANG.json) is loaded before any view renders (this module awaits it at the top level); a key the
 * bundle lacks falls back to English. The API's own error messages stay as the server writes them.
 */
export const LANGUAGES = {en: 'English', tr: 'Türkçe'};
const STORED = 'parley.admin.lang';

/** The language the dashboard shows. */
export const language = [new URLSearchParams(location.search).get('lang'), localStorage.getItem(STORED),
    ...navigator.languages]
    .map((tag) => (tag || '').split('-')[0].toLowerCase())
    .find((tag) => tag in LANGUAGES) || 'en';

const load = (lang) => fetch(`/i18n/admin.${lang}.json`).then((response) => response.json()).catch(() => ({}));
const [english, strings] = await Promise.all([load('en'), language === 'en' ? null : load(language)]);
const plural = new Intl.PluralRules(language);
const number = new Intl.NumberFormat(language);

/**
 * The text for a key: {name} takes vars[name] (numbers formatted for the language); a message with plural forms
 * ({one, other, …}) is chosen by vars.n.
 */
export function t(key, vars = {}) {
    const message = strings?.[key] ?? english[key] ?? key;
    const text = typeof message === 'object' ? message[plural.select(vars.n)] ?? message.other : message;
    return text.replace(/\{(\w+)\}/g, (_, name) =>
        (typeof vars[name] === 'number' ? number.format(vars[name]) : vars[name] ?? ''));
}

/** The name of a code from the API (a status, a category, an action…) in a group of keys; the code if unnamed. */
export function label(group, code) {
    const key = `${group}.${code}`;
    return key in (strings || {}) || key in english ? t(key) : code;
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

/** Translates the page's static HTML: data-i18n sets the text, data-i18n-label the aria-label. */
export function translatePage() {
    document.documentElement.lang = language;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((element) => {
        element.textContent = t(element.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-label]').forEach((element) => {
        element.setAttribute('aria-label', t(element.dataset.i18nLabel));
    });
}
