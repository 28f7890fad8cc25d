/*
 * The widget's rarely used part, imported by widget.js when a reader opens it: the log-in, sign-up and
 * forgotten-password forms, and a signed-in reader's account menu (reply notifications, a copy of their data,
 * deleting the account). Each export takes the widget's parts (h, t, api, …) and answers an element.
 */

const FIELDS = {login: ['email', 'password'], signup: ['displayName', 'email', 'password'], forgot: ['email']};

/** A form with the fields of one kind; {@code send} gets the fields' values. */
function form(w, kind, send, ...extra) {
    const {h, t} = w;
    const area = h('p', {class: 'err', testid: 'error'});
    const signup = kind === 'signup';
    const element = h('form', {class: 'form', testid: kind + '-form', onsubmit: (event) => {
        event.preventDefault();
        const body = Object.fromEntries(FIELDS[kind].map((field) => [field, element.elements[field].value]));
        w.attempt(element, area, () => send(body, area));
    }},
    FIELDS[kind].map((field) => h('label', {}, t(signup && field === 'password' ? 'newPassword' : field),
        h('input', {name: field, testid: kind + '-' + field, required: true,
            maxlength: field === 'displayName' ? 50 : 200,
            type: field === 'displayName' ? 'text' : field,
            minlength: signup && field === 'password' ? 10 : null,
            autocomplete: field === 'displayName' ? 'nickname'
                : field === 'email' ? 'email' : signup ? 'new-password' : 'current-password'}))),
    area, w.buttons(h('button', {class: 'primary', testid: kind + '-submit'}, t(kind)), null, ...extra));
    return element;
}

const signIn = (w, kind, ...extra) => form(w, kind,
    async (body) => w.signedIn(await w.api('POST', 'auth/' + kind, body)), ...extra);

export const signup = (w) => signIn(w, 'signup');

/** The log-in form, with "Forgot password?" that turns it into the reset request. */
export function login(w) {
    const element = signIn(w, 'login', w.h('button', {type: 'button', class: 'link', testid: 'forgot-password',
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

/** The signed-in reader's menu: reply notifications, their data as a file, deleting the account. */
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
            })}, t('deleteAccount'))),
        area);
}
