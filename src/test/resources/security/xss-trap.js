// Installed before any page script (Page.addScriptToEvaluateOnNewDocument): records every way an injected payload
// could act. ALLOWED_ORIGINS and CANARY are filled in by XssBrowserTest. The Function constructor is left alone:
// WebDriver runs its own scripts through it, and a payload that got that far calls alert anyway.
(() => {
    const fired = [];
    Object.defineProperty(window, '__xssFired', {value: fired});
    const allowed = ALLOWED_ORIGINS;
    const note = (what, detail) => fired.push(what + ': ' + String(detail).slice(0, 200));
    const foreign = (url) => {
        try {
            return !allowed.includes(new URL(String(url), location.href).origin);
        } catch (e) {
            return true;
        }
    };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        window[name] = function (message) { note(name, message); };
    }
    const realEval = window.eval;
    window.eval = function (code) { note('eval', code); return realEval(code); };
    const realFetch = window.fetch;
    window.fetch = function (input, init) {
        const url = typeof input === 'string' || input instanceof URL ? input : input.url;
        if (foreign(url)) note('fetch', url);
        return realFetch.apply(this, arguments);
    };
    const realOpen = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
        if (foreign(url)) note('XMLHttpRequest.open', url);
        return realOpen.apply(this, arguments);
    };
    for (const name of ['write', 'writeln']) {
        const real = Document.prototype[name];
        Document.prototype[name] = function (...text) { note('document.' + name, text.join('')); return real.apply(this, text); };
    }
    for (const name of ['setTimeout', 'setInterval']) {
        const real = window[name];
        window[name] = function (handler, ...rest) {
            if (typeof handler === 'string') note(name + ' with a string', handler);
            return real.call(this, handler, ...rest);
        };
    }
    new PerformanceObserver((list) => list.getEntries()
        .filter((entry) => entry.name.includes(CANARY) || foreign(entry.name))
        .forEach((entry) => note('load', entry.name))).observe({type: 'resource', buffered: true});
    document.addEventListener('securitypolicyviolation',
        (event) => note('blocked by CSP', event.violatedDirective + ' ' + event.blockedURI), true);
})();
