/*
 * The "report illegal content" form under a comment (a notice under the Digital Services Act, Art. 16), imported
 * by widget.js on first use; distinct from the report against the guidelines. Anyone may send one, signed in or
 * not: the legal category, an explanation, the notifier's name and e-mail (taken from the account when signed in;
 * optional only for child sexual abuse material), and a statement of good faith. Once sent it names the notice.
 */

let categories;

/** The legal categories with their labels, from the server, fetched once. */
async function legalCategories(w) {
    categories = categories || (await w.api('GET', 'notices/categories')).categories;
    return categories;
}

export async function notice(w, comment, close) {
    const {h, t, state} = w;
    const message = h('p', {class: 'err', testid: 'error'});
    const signedIn = Boolean(state.me);
    const field = (name, label, type) => h('label', {hidden: signedIn}, t(label),
        h('small', {class: 'optional', testid: 'notice-optional', hidden: true}, ' ', t('noticeOptional')),
        h('input', {name, type, autocomplete: name, testid: 'notice-' + name, maxlength: 254, required: !signedIn}));
    const legal = (category) => (t('legal.' + category.code) === 'legal.' + category.code ? category.label
        : t('legal.' + category.code));
    const select = h('select', {name: 'category', testid: 'notice-category', required: true},
        h('option', {value: ''}, t('noticeChoose')),
        (await legalCategories(w)).map((category) => h('option', {value: category.code,
            'data-optional': category.identityOptional || null}, legal(category))));
    const form = h('form', {class: 'form', testid: 'notice-form', onsubmit: (event) => {
        event.preventDefault();
        w.attempt(form, message, async () => {
            const value = (name) => form.elements[name].value.trim() || undefined;
            const sent = await w.api('POST', 'notices', {commentId: comment.id, category: value('category'),
                explanation: value('explanation'), name: signedIn ? undefined : value('name'),
                email: signedIn ? undefined : value('email'), goodFaith: form.elements.goodFaith.checked});
            const done = h('p', {class: 'ok', testid: 'notice-done', role: 'status'},
                t('noticeSent', {id: sent.notice.id}));
            form.replaceWith(done);
            w.announce(done.textContent);
        });
    }},
    h('p', {}, t('noticeIntro')),
    h('label', {}, t('noticeCategory'), select),
    h('label', {}, t('noticeExplanation'), h('textarea', {name: 'explanation', testid: 'notice-explanation',
        rows: 3, maxlength: 5000, required: true})),
    field('name', 'noticeName', 'text'), field('email', 'email', 'email'),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'goodFaith', testid: 'notice-good-faith',
        required: true}), ' ', t('noticeGoodFaith')),
    message, w.buttons(h('button', {class: 'primary', testid: 'notice-submit'}, t('noticeSend')), close));
    select.addEventListener('change', () => {
        const anonymous = Boolean(select.selectedOptions[0]?.dataset.optional);
        form.querySelectorAll('.optional').forEach((note) => { note.hidden = !anonymous; });
        ['name', 'email'].forEach((name) => { form.elements[name].required = !signedIn && !anonymous; });
    });
    return form;
}
