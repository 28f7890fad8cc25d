/*
 * Parley embed script: mounts the comment widget in <div id="parley-thread"></div> with
 *   <script src="https://comments.example.org/embed.js" data-parley-site="demo" async></script>
 * Attributes of the script tag:
 *   data-parley-site       required: the site's id, e.g. "demo"
 *   data-parley-url        the article's URL; default: <link rel="canonical">, else origin + path of the page
 *   data-parley-title      the article's title for a new thread; default: document.title
 *   data-parley-theme      "auto" (default, follows prefers-color-scheme), "light" or "dark"
 *   data-parley-lang       "en", "tr", "de" or "fr"; default: the page's <html lang>, else the browser's languages,
 *                          else "en"
 *   data-parley-sort       first order shown: "newest" (default), "oldest" or "respected"
 *   data-parley-container  id of the element to mount in; default "parley-thread"
 * The widget's files and the API come from where this script came from, never from anywhere else. The language
 * bundle is fetched while widget.js loads.
 */
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
            .find((tag) => ['en', 'tr', 'de', 'fr'].includes(tag)) || 'en';
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
