/*
 * The user panel: a dialog with a reader's account, standing (banned or suspended until, last warning) and record,
 * and the actions ban, suspend until a time, lift, and warn, then the reader's whole history on the site (every
 * comment, newest first, 50 at a time, through the search API). The API's error messages are shown as they come.
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
        history(userId),
        closeButton(dialog));
    dialog.querySelector('h2').focus();
}

/** The reader's comments on the picked site, newest first, with "load more". */
function history(userId) {
    const site = document.getElementById('site-picker').value;
    const list = el('ol', {class: 'history', testid: 'user-history'});
    const more = el('button', {type: 'button', class: 'more', testid: 'history-more', hidden: true}, t('loadMore'));
    const note = el('p', {class: 'hint', testid: 'history-note'}, t('loading'));
    let cursor = null;
    const load = async () => {
        try {
            const page = await get('/api/v1/moderation/search', {site, author: userId, cursor});
            list.append(...page.items.map(historyEntry));
            cursor = page.nextCursor;
            more.hidden = !cursor;
            note.textContent = list.children.length === 0 ? t('user.historyEmpty') : '';
        } catch (error) {
            note.textContent = error.message;
        }
    };
    more.addEventListener('click', load);
    load();
    return el('section', {class: 'user-history', 'aria-labelledby': 'user-history-heading'},
        el('h3', {id: 'user-history-heading'}, t('user.history')), note, list, more);
}

function historyEntry(item) {
    const text = item.plainText ?? item.body ?? '';
    return el('li', {testid: 'history-entry', 'data-comment-id': item.comment.id},
        el('time', {datetime: item.comment.createdAt}, formatTime(item.comment.createdAt)), ' ',
        el('span', {class: `tag status-${item.comment.status}`}, label('status', item.comment.status)), ' ',
        item.story ? el('a', {href: item.story.url, target: '_blank', rel: 'noopener'},
            item.story.title || item.story.url) : null,
        el('p', {class: 'history-text'}, text.length > 280 ? text.slice(0, 280) + '…' : text));
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
