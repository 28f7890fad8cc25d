// Walks the document and every open shadow root for markup that could act: answers a list of findings.
const allowed = arguments[0];
const found = [];
const dangerous = /^(javascript|data|vbscript):/;
const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
        const tag = element.localName;
        if (['iframe', 'object', 'embed', 'frame', 'base', 'meta'].includes(tag) && !element.closest('head')) {
            found.push('<' + tag + '>');
        }
        if (tag === 'script' && (!element.src || !allowed.includes(new URL(element.src).origin))) {
            found.push('<script> ' + (element.src || element.textContent.slice(0, 80)));
        }
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\s\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
                .toLowerCase();
            if (name.startsWith('on')) found.push(name + ' on <' + tag + '>');
            if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)
                && (dangerous.test(value) || name === 'srcdoc')) {
                found.push(name + '=' + attribute.value.slice(0, 80) + ' on <' + tag + '>');
            }
        }
        if (element.shadowRoot) visit(element.shadowRoot);
    }
};
visit(document);
return found;
