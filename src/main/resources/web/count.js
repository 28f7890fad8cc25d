/*
 * Parley comment counts for article lists: fills every element that has data-parley-count-url.
 *
 *   <span data-parley-count-url="https://news.example.org/2026/river-talks"></span>
 *   <script src="https://comments.example.org/count.js" data-parley-site="demo" async></script>
 *
 * The site comes from the element's data-parley-site, else the script's. The words are in the first language it
 * has (those of WORDS) among the script's data-parley-lang, the page's <html lang> and the browser's; else English,
 * in the plural form Intl.PluralRules picks. One request per site and 40 URLs.
 */
(() => {
    // The word for each CLDR plural category a count can take in the language (Intl.PluralRules picks it).
    const WORDS = {en: {one: 'comment', other: 'comments'}, tr: {one: 'yorum', other: 'yorum'},
        de: {one: 'Kommentar', other: 'Kommentare'}, fr: {one: 'commentaire', many: 'de commentaires',
            other: 'commentaires'}, es: {one: 'comentario', many: 'de comentarios', other: 'comentarios'},
        it: {one: 'commento', many: 'di commenti', other: 'commenti'}, nl: {one: 'reactie', other: 'reacties'},
        pt: {one: 'comentário', many: 'de comentários', other: 'comentários'},
        pl: {one: 'komentarz', few: 'komentarze', many: 'komentarzy', other: 'komentarza'}};
    const CHUNK = 40;
    const script = document.currentScript
        || [...document.scripts].find((candidate) => /\/count\.js(\?|$)/.test(candidate.src));
    const endpoint = new URL('api/v1/counts', script.src);
    const lang = [script.dataset.parleyLang, document.documentElement.lang, ...navigator.languages]
        .map((tag) => (tag || '').split('-')[0].toLowerCase()).find((tag) => tag in WORDS) || 'en';
    const plural = new Intl.PluralRules(lang);
    const number = new Intl.NumberFormat(lang);

    function label(count) {
        return number.format(count) + ' ' + (WORDS[lang][plural.select(count)] ?? WORDS[lang].other);
    }

    async function fill(site, elements) {
        const urls = [...new Set(elements.map((element) => element.dataset.parleyCountUrl))];
        for (let start = 0; start < urls.length; start += CHUNK) {
            const params = new URLSearchParams({site});
            urls.slice(start, start + CHUNK).forEach((url) => params.append('url', url));
            const response = await fetch(endpoint + '?' + params);
            if (!response.ok) continue;
            const {counts} = await response.json();
            elements.filter((element) => element.dataset.parleyCountUrl in counts)
                .forEach((element) => { element.textContent = label(counts[element.dataset.parleyCountUrl]); });
        }
    }

    function run() {
        const bySite = new Map();
        for (const element of document.querySelectorAll('[data-parley-count-url]')) {
            const site = element.dataset.parleySite || script.dataset.parleySite;
            bySite.set(site, [...(bySite.get(site) || []), element]);
        }
        bySite.forEach((elements, site) => fill(site, elements).catch(() => {}));
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
})();
