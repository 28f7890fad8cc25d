/*
 * The account pages that mailed links open: confirm an address, choose a new password, stop a kind of mail, appeal
 * the decision on a notice. The
 * token comes from the page's address and goes to the API in a JSON body; nothing else is stored in the browser.
 * Texts come from /i18n/account.LANG.json in the language of ?lang= in the address, else the browser's, else
 * English; the page's HTML holds the English texts, so it reads right even if the bundle does not load. Elements,
 * texts and requests are the shared ones of ../common/page.js.
 */
import {detectLanguage, el, loadMessages, request, t, translatePage} from '../common/page.js';

const token = new URLSearchParams(location.search).get('token') || '';
const status = document.getElementById('status');
const language = detectLanguage(['en', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'tr']);

function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
}

async function verify() {
    try {
        const answer = await request('POST', '/api/v1/auth/verify', {token});
        say(t('verify.done', {name: answer.user.displayName}), false);
        // A sign-up confirmed by mail names the article it started on (signed into the link, on the site's origins).
        const back = answer.returnUrl;
        if (back && /^https?:\/\//.test(back)) {
            status.after(el('p', {}, el('a', {id: 'return', href: back}, t('verify.back'))));
        }
    } catch (failure) {
        say(failure.message, true);
    }
}

function reset() {
    const form = document.getElementById('reset-form');
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const password = form.elements.password.value;
        if (password !== form.elements.repeat.value) {
            say(t('reset.differ'), true);
            return;
        }
        try {
            await request('POST', '/api/v1/auth/password-reset/confirm', {token, password});
            form.hidden = true;
            say(t('reset.done'), false);
        } catch (failure) {
            say(failure.message, true);
        }
    });
}

/** A notifier's appeal against the decision on their notice (DSA Art. 20), with the token of the outcome mail. */
function appeal() {
    const form = document.getElementById('appeal-form');
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
            const answer = await request('POST', '/api/v1/appeals', {token, reason: form.elements.reason.value});
            form.hidden = true;
            say(t('appeal.done', {status: answer.appeal.status}), false);
        } catch (failure) {
            say(failure.message, true);
        }
    });
}

// The reset form's handler goes on before the texts load, so an early submit never sends the password in the
// address.
const page = document.body.dataset.page;
if (page === 'reset') reset();
if (page === 'appeal') appeal();
await loadMessages('account', language);
translatePage(language);
if (page === 'verify') verify();
