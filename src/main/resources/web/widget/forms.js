/*
 * The widget's forms a reader opens now and then, imported by widget.js on first use: log-in, sign-up and the
 * forgotten password; a signed-in reader's account menu (reply notifications, a copy of their data, deleting the
 * account); the report form; and the Markdown an edit starts from. Each export takes the widget's parts (h, t,
 * api, …) first.
 */

const REASONS = ['rude', 'aggressive', 'derogatory', 'discriminatory', 'spam', 'other'];

const FIELDS = {login: ['email', 'password'], signup: ['displayName', 'email', 'password'], forgot: ['email']};

/** A form with the fields of one kind; {@code send} gets the fields' values. */
function form(w, kind, send, ...extra) {
    const {h, t} = w;
    const area = h('p', {class: 'err', testid: 'error'});
    const signup = kind === 'signup';
    const element = h('form', {class: 'form', testid: kind + '-form', onsubmit: (event) => {
        event.preventDefault();
        const body = Object.fromEntries(FIELDS[kind].map((field) => [field, element.elements[field].value]));
        // Sign-up and reset are guarded (the site's proof of work, see widget.js; the honeypot a person never sees).
        if (kind != 'login') Object.assign(body, {site: w.state.story.site, homepage: element.elements.homepage.value});
        w.attempt(element, area, () => send(body, area));
    }},
    FIELDS[kind].map((field) => h('label', {}, t(signup && field === 'password' ? 'newPassword' : field),
        h('input', {name: field, testid: kind + '-' + field, required: true,
            maxlength: field === 'displayName' ? 50 : 200,
            type: field === 'displayName' ? 'text' : field,
            minlength: signup && field === 'password' ? 10 : null,
            autocomplete: field === 'displayName' ? 'nickname'
                : field === 'email' ? 'email' : signup ? 'new-password' : 'current-password'}))),
    kind != 'login' && h('input', {name: 'homepage', class: 'hp', tabindex: -1, autocomplete: 'off',
        'aria-hidden': 'true'}),
    area, w.buttons(h('button', {class: 'primary', testid: kind + '-submit'}, t(kind)), null, ...extra));
    return element;
}

const signIn = (w, kind, ...extra) => form(w, kind,
    async (body) => w.signedIn(await w.api('POST', 'auth/' + kind, body)), ...extra);

/**
 * Sign-up: at once (version 1), or where the server confirms by mail (site.signup "confirm"), version 2, which
 * answers every address alike; the reader's inbox tells the rest, and the link leads back to this article.
 */
export const signup = (w) => w.state.site.signup != 'confirm' ? signIn(w, 'signup') : form(w, 'signup',
    async (body, area) => {
        const {site, url} = w.state.story;
        await w.api('POST', '../v2/auth/signup', {...body, site, returnUrl: url});
        w.say(area, w.t('checkInbox'), 'ok');
    });

/** The brands' own names; a provider the site named itself shows its name. */
const BRANDS = {google: 'Google', microsoft: 'Microsoft', apple: 'Apple'};
const brand = (name) => BRANDS[name] || name;

/**
 * A button per OpenID provider the site allows (site.oidc): the browser goes to the provider and comes back to this
 * page signed in.
 */
const providers = (w) => (w.state.site.oidc || []).map((name) => w.h('button', {type: 'button',
    testid: 'oidc-' + name, onclick: () => location.assign(new URL(`../api/v1/auth/oidc/${name}/start?site=`
        + encodeURIComponent(w.state.site.id) + '&returnUrl=' + encodeURIComponent(location.href),
    import.meta.url))}, w.t('signInWith', {provider: brand(name)})));

/** The log-in form, with "Forgot password?" that turns it into the reset request, and the site's providers. */
export function login(w) {
    const element = signIn(w, 'login', ...providers(w), w.h('button', {type: 'button', class: 'link',
        testid: 'forgot-password',
        onclick: () => {
            const reset = forgot(w);
            reset.elements.email.value = element.elements.email.value;
            element.replaceWith(reset);
            reset.elements.email.focus();
        }}, w.t('forgotPassword')));
    return element;
}

/** Asks for a reset link; the server answers alike for every address, and so do we. */
function forgot(w) {
    return form(w, 'forgot', async (body, area) => {
        await w.api('POST', 'auth/password-reset', body);
        w.say(area, w.t('resetSent'), 'ok');
    });
}

/**
 * The signed-in reader's menu: reply notifications, their data as a file, deleting the account, and linking the
 * site's OpenID providers to this account.
 */
export function menu(w) {
    const {h, t, api, state} = w;
    const area = h('p', {class: 'err', testid: 'error'});
    const run = (action) => async (event) => {
        area.textContent = '';
        try {
            await action(event.currentTarget);
        } catch (failure) {
            w.say(area, failure.message);
        }
    };
    const notify = h('input', {type: 'checkbox', testid: 'notify-replies', checked: state.me.notifyReplies,
        onchange: run(async (box) => {
            const data = await api('PATCH', 'me', {notifyReplies: box.checked});
            state.me = data.user;
            state.csrf = data.csrf || state.csrf;
            w.say(area, t('savedSettings'), 'ok');
        })});
    return h('div', {class: 'form', testid: 'account-menu'},
        h('label', {class: 'check'}, notify, ' ', t('notifyReplies')),
        h('div', {class: 'buttons'},
            h('button', {type: 'button', testid: 'export-data', onclick: run(async () => {
                const data = JSON.stringify(await api('GET', 'me/export'), null, 2);
                const file = URL.createObjectURL(new Blob([data], {type: 'application/json'}));
                h('a', {download: 'parley-data.json', href: file}).click();
            })}, t('exportData')),
            h('button', {type: 'button', testid: 'delete-account', onclick: run(async (button) => {
                if (!button.dataset.armed) {
                    button.dataset.armed = 1;
                    button.textContent = t('confirmDeleteAccount');
                    w.announce(t('confirmDeleteAccount'));
                    return;
                }
                await api('DELETE', 'me');
                await w.signedOut();
                w.announce(t('accountDeleted'));
            })}, t('deleteAccount')),
            // Linking a provider's account to this one: only a signed-in reader can, which proves the account.
            (state.site.oidc || []).map((name) => h('button', {type: 'button', testid: 'link-' + name,
                onclick: run(async () => location.assign((await api('POST', 'me/identities/' + name,
                    {site: state.site.id, returnUrl: location.href})).location))},
            t('linkWith', {provider: brand(name)})))),
        area);
}

/** The report form under a comment; once sent (or sent before), the comment shows as reported and says thanks. */
export function report(w, comment, close) {
    const {h, t, state} = w;
    const message = h('p', {class: 'err', testid: 'error'});
    const form = h('form', {class: 'form', testid: 'report-form', onsubmit: (event) => {
        event.preventDefault();
        w.attempt(form, message, async () => {
            try {
                await w.api('POST', `comments/${comment.id}/reports`,
                    {reason: form.elements.reason.value, note: form.elements.note.value.trim() || undefined});
            } catch (failure) {
                if (failure.error !== 'already_reported') throw failure;
            }
            state.reported.add(comment.id);
            const item = w.insertComment(comment);
            item.querySelector('article').focus();
            w.say(item.querySelector('.slot').appendChild(h('p', {testid: 'report-done'})), t('thanks'), 'ok');
        });
    }},
    h('label', {}, t('reason'), h('select', {name: 'reason', testid: 'report-reason'},
        REASONS.map((reason) => h('option', {value: reason}, t(reason))))),
    h('label', {}, t('note'), h('textarea', {name: 'note', testid: 'report-note', rows: 2, maxlength: 500})),
    message, w.buttons(h('button', {class: 'primary', testid: 'report-submit'}, t('sendReport')), close));
    return form;
}

/** The Markdown a sanitized comment was probably written in: the text an edit starts from. */
export function markdownOf(w, html) {
    const walk = (node) => [...node.childNodes].map((child) => {
        const inner = child.nodeType === 1 ? walk(child) : child.textContent;
        const within = node.tagName;
        return {
            P: inner + '\n\n', EM: `*${inner}*`, STRONG: `**${inner}**`, BR: '\n',
            CODE: within === 'PRE' ? inner : `\`${inner}\``, PRE: '```\n' + inner.trim() + '\n```\n\n',
            A: `[${inner}](${child.getAttribute?.('href')})`, UL: inner + '\n', OL: inner + '\n',
            LI: (within === 'OL' ? '1. ' : '- ') + inner.trim() + '\n',
            BLOCKQUOTE: inner.trim().replace(/^/gm, '> ') + '\n\n',
        }[child.tagName] ?? inner;
    }).join('');
    return walk(w.h('template', {html}).content).trim();
}
