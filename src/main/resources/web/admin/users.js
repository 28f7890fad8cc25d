/*
 * The user panel: a dialog with a reader's account, standing (banned or suspended until, last warning) and record,
 * and the actions ban, suspend until a time, lift, and warn. The API's error messages are shown as they come.
 */
import {ApiError, get, post, remove} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';
import {label, t} from './i18n.js';

const FOREVER_FROM_YEAR = 3000;

export async function openUserPanel(userId) {
    const dialog = document.getElementById('user-panel');
    const opener = document.activeElement;
    dialog.replaceChildren(el('p', {}, t('loading')));
    if (!dialog.open) dialog.showModal();
    dialog.onclose = () => opener?.focus?.();
    await fill(dialog, userId);
}

async function fill(dialog, userId) {
    let user;
    try {
        user = await get(`/api/v1/moderation/users/${encodeURIComponent(userId)}`);
    } catch (error) {
        dialog.replaceChildren(el('p', {class: 'error', role: 'alert'}, error.message), closeButton(dialog));
        return;
    }
    const status = statusLine('user-status');
    const act = (request, done) => async (event) => {
        event.preventDefault();
        try {
            await request(new FormData(event.target));
            await fill(dialog, userId);
            const line = dialog.querySelector('[data-testid=user-status]');
            showStatus(line, done, false);
            announce(done);
        } catch (error) {
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
        }
    };
    const path = `/api/v1/moderation/users/${encodeURIComponent(userId)}`;
    const name = user.displayName;
    dialog.replaceChildren(
        el('h2', {id: 'user-panel-heading', tabindex: '-1'}, user.displayName),
        account(user), standing(user), status,
        actionForm(t('user.ban'), 'ban', [textField('reason', t('reason'), true)],
            act((form) => post(`${path}/ban`, {reason: form.get('reason')}), t('user.banned', {name}))),
        actionForm(t('user.suspend'), 'suspend', [
            el('label', {for: 'suspend-until'}, t('user.until')),
            el('input', {id: 'suspend-until', name: 'until', type: 'datetime-local', required: true,
                testid: 'suspend-until'}),
            textField('reason', t('reason'), true, 'suspend-reason')],
        act((form) => post(`${path}/ban`, {reason: form.get('reason'), until: isoTime(form.get('until'))}),
            t('user.suspended', {name}))),
        user.bannedUntil ? el('form', {class: 'action', testid: 'lift-form',
            onsubmit: act(() => remove(`${path}/ban`), t('user.lifted', {name}))},
        el('button', {type: 'submit', testid: 'lift'}, t('user.lift'))) : null,
        actionForm(t('user.warn'), 'warn', [textField('message', t('user.message'), true, 'warn-message')],
            act((form) => post(`${path}/warn`, {message: form.get('message')}), t('user.warned', {name}))),
        closeButton(dialog));
    dialog.querySelector('h2').focus();
}

function account(user) {
    return el('dl', {class: 'facts-list', testid: 'user-account'},
        el('dt', {}, t('email')), el('dd', {}, user.email),
        el('dt', {}, t('user.role')), el('dd', {}, label('role', user.role)),
        el('dt', {}, t('user.joined')), el('dd', {}, formatTime(user.createdAt)),
        el('dt', {}, t('user.record')), el('dd', {testid: 'user-record'},
            t('record', {published: user.published, pending: user.pending, rejected: user.rejected})));
}

function standing(user) {
    let text = t('user.goodStanding');
    if (user.bannedUntil) {
        text = new Date(user.bannedUntil).getUTCFullYear() >= FOREVER_FROM_YEAR ? t('user.isBanned')
            : t('user.suspendedUntil', {time: formatTime(user.bannedUntil)});
    }
    return el('div', {class: 'standing', testid: 'user-standing'}, el('p', {}, text),
        user.warning ? el('p', {}, t('user.lastWarning'), ' ', el('q', {}, user.warning)) : null);
}

function actionForm(label, name, fields, onsubmit) {
    return el('form', {class: 'action', testid: `${name}-form`, onsubmit},
        el('fieldset', {}, el('legend', {}, label), fields,
            el('button', {type: 'submit', testid: `${name}-submit`}, label)));
}

function textField(name, label, required, id = `${name}-field`) {
    return [el('label', {for: id}, label),
        el('input', {id, name, type: 'text', required, maxlength: '500', testid: id})];
}

function closeButton(dialog) {
    return el('button', {type: 'button', class: 'close', testid: 'close-user', onclick: () => dialog.close()},
        t('close'));
}

/** The local date and time from a datetime-local field as an ISO-8601 instant. */
function isoTime(local) {
    return local ? new Date(local).toISOString() : null;
}
