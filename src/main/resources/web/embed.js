/* Parley embed script: mounts the widget; its data-parley-* attributes are described in README.md. */
(() => {
    const script = document.currentScript
        || [...document.scripts].find((candidate) => /\/embed\.js(\?|$)/.test(candidate.src));
    const base = new URL('.', script.src).href;
    const attribute = (name) => script.getAttribute('data-parley-' + name);

    function canonicalUrl() {
        const link = document.querySelector('link[rel="canonical"]');
        return link ? link.href : location.origin + location.pathname;
    }

    /** The first supported language among the attribute, the page's and the reader's; else English. */
    function language() {
        return [attribute('lang'), document.documentElement.lang, ...navigator.languages]
            .map((tag) => (tag || '').split('-')[0].toLowerCase())
            .find((tag) => ['en', 'tr', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl'].includes(tag)) || 'en';
    }

    function mount() {
        const container = document.getElementById(attribute('container') || 'parley-thread');
        if (!container) return;
        const lang = language();
        const config = {
            base,
            lang,
            strings: fetch(base + 'i18n/widget.' + lang + '.json').then((response) => response.json()),
            site: attribute('site'),
            url: attribute('url') || canonicalUrl(),
            title: attribute('title') || document.title,
            theme: attribute('theme') || 'auto',
            sort: attribute('sort') || 'newest',
            ssoToken: attribute('sso-token'),
            loginUrl: attribute('login-url'),
            logoutUrl: attribute('logout-url'),
        };
        const styles = Object.assign(document.createElement('link'),
            {rel: 'preload', as: 'style', href: base + 'widget/widget.css'});
        const widget = document.createElement('script');
        widget.src = base + 'widget/widget.js';
        widget.onload = () => window.Parley.mount(container, config);
        document.head.append(styles, widget);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
    else mount();
})();
