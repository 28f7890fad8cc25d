/*
 * What the pages without the widget share, the dashboard (/admin/) and the account pages mailed links open
 * (/account/): an element builder, the texts of one message bundle in the reader's language, and JSON requests
 * with the session cookie and, for changes, the CSRF token. A page loads one bundle, so the texts are this
 * module's state. The widget keeps its own small copies inside its one script, within its size budget.
 */

let english = {};
let strings = null;
let plural = new Intl.PluralRules('en');
let number = new Intl.NumberFormat('en');
let csrf = null;

/**
 * Builds an element. Props become attributes, except on… (a listener), html (innerHTML, only for HTML the server
 * sanitized), testid (data-testid) and style objects; false and null props are left out. Children may be nested.
 */
export function el(tag, props, ...children) {
    const element = document.createElement(tag);
    applyProps(element, props);
    element.append(...children.flat(9).filter((child) => child != null && child !== false));
    return element;
}

/** Sets props on an element as {@link el} does (the dashboard's SVG builder uses it too). */
export function applyProps(element, props) {
    for (const [key, value] of Object.entries(props || {})) {
        if (value == null || value === false) continue;
        if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
        else if (key === 'html') element.innerHTML = value;
        else if (key === 'style' && typeof value === 'object') Object.assign(element.style, value);
        else element.setAttribute(key === 'testid' ? 'data-testid' : key, value === true ? '' : value);
    }
}

/** The first of ?lang= in the address, the preferred tags given, and the browser's languages that is supported. */
export function detectLanguage(supported, ...preferred) {
    return [new URLSearchParams(location.search).get('lang'), ...preferred, ...navigator.languages]
        .map((tag) => (tag || '').split('-')[0].toLowerCase())
        .find((tag) => supported.includes(tag)) || 'en';
}

/** The writing direction of a language: right to left for Arabic, Persian, Hebrew and Urdu, else left to right. */
export const direction = (language) => (/^(ar|fa|he|ur)$/.test(language) ? 'rtl' : 'ltr');

/** Loads /i18n/BUNDLE.en.json and the language's bundle; a bundle that fails to load counts as empty. */
export async function loadMessages(bundle, language) {
    const load = (lang) => fetch(`/i18n/${bundle}.${lang}.json`).then((response) => response.json())
        .catch(() => ({}));
    [english, strings] = await Promise.all([load('en'), language === 'en' ? null : load(language)]);
    plural = new Intl.PluralRules(language);
    number = new Intl.NumberFormat(language);
}

/** Whether the loaded bundles have a text for the key. */
export const hasText = (key) => key in (strings || {}) || key in english;

/**
 * The text for a key, English when the language lacks it: {name} takes vars[name] (numbers formatted for the
 * language); a message with plural forms ({one, other, …}) is chosen by vars.n.
 */
export function t(key, vars = {}) {
    const message = strings?.[key] ?? english[key] ?? key;
    const text = typeof message === 'object' ? message[plural.select(vars.n)] ?? message.other : message;
    return text.replace(/\{(\w+)\}/g, (_, name) =>
        (typeof vars[name] === 'number' ? number.format(vars[name]) : vars[name] ?? ''));
}

/**
 * Translates the page's static HTML: data-i18n sets the text, data-i18n-label the aria-label; the page takes the
 * language's writing direction. A key without a text keeps the HTML's English, so the page reads right even when
 * no bundle loaded.
 */
export function translatePage(language) {
    document.documentElement.lang = language;
    document.documentElement.dir = direction(language);
    for (const element of document.querySelectorAll('[data-i18n]')) {
        if (hasText(element.dataset.i18n)) element.textContent = t(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll('[data-i18n-label]')) {
        if (hasText(element.dataset.i18nLabel)) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
    }
}

/** An answer other than 2xx, carrying the API's {error, message, field}. */
export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || t('error.status', {status}));
        this.status = status;
        this.code = body?.error || 'http_' + status;
        this.field = body?.field || null;
    }
}

/** Keeps the CSRF token sign-in and GET /api/v1/me hand out, for the requests that change something. */
export function rememberCsrf(token) {
    csrf = token;
}

/** Sends a JSON request with the session cookie and answers the parsed JSON (null for 204); else ApiError. */
export async function request(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-Parley-CSRF'] = csrf;
    let response;
    try {
        response = await fetch(path, {method, headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (networkError) {
        throw new ApiError(0, {error: 'offline', message: t('error.offline')});
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

/** A path with query parameters, leaving out empty ones. */
export function withQuery(path, params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value != null && value !== ''));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
}
