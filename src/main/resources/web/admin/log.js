/*
 * The moderation log of a site, newest first, filtered by action and by actor (the pipeline or one of the
 * moderators seen in the entries so far), fifty entries a page with "load more".
 */
import {get} from './api.js';
import {appendPage, el, formatTime, statusLine} from './dom.js';
import {label, t} from './i18n.js';

const ACTIONS = ['published', 'held', 'rejected', 'approve', 'reject', 'feature', 'unfeature', 'ban', 'suspend',
    'unban', 'warn', 'dismiss_notice', 'appeal_upheld', 'appeal_dismissed'];

export function showLog(container, context) {
    const state = {site: context.site, action: '', actor: '', cursor: null, actors: new Map(), request: 0};
    const actionSelect = el('select', {id: 'log-action', testid: 'log-action'},
        el('option', {value: ''}, t('log.anyAction')),
        ACTIONS.map((action) => el('option', {value: action}, label('log.action', action))));
    const actorSelect = el('select', {id: 'log-actor', testid: 'log-actor'});
    const rows = el('tbody', {testid: 'log-rows'});
    const more = el('button', {type: 'button', class: 'more', testid: 'log-more', hidden: true}, t('loadMore'));
    const status = statusLine('log-status');
    const parts = {actorSelect, rows, more, status};

    const reload = () => {
        state.action = actionSelect.value;
        state.actor = actorSelect.value;
        rows.replaceChildren();
        load(state, parts, null);
    };
    actionSelect.addEventListener('change', reload);
    actorSelect.addEventListener('change', reload);
    more.addEventListener('click', () => load(state, parts, state.cursor));
    renderActors(state, actorSelect);

    container.append(el('section', {class: 'log', 'aria-labelledby': 'log-heading'},
        el('h2', {id: 'log-heading'}, t('log.heading')),
        el('div', {class: 'filters'},
            el('label', {for: 'log-action'}, t('log.action')), actionSelect,
            el('label', {for: 'log-actor'}, t('log.by')), actorSelect),
        status,
        el('div', {class: 'table-wrap'}, el('table', {},
            el('thead', {}, el('tr', {}, ['when', 'action', 'by', 'reader', 'comment', 'why', 'model']
                .map((name) => el('th', {scope: 'col'}, t('log.' + name))))),
            rows)),
        more));
    load(state, parts, null);
}

function load(state, parts, cursor) {
    return appendPage(state, parts, () => get('/api/v1/moderation/log', {site: state.site, cursor,
        action: state.action, actor: state.actor}), (page) => {
        for (const entry of page.entries) {
            if (entry.actor) state.actors.set(entry.actor.id, entry.actor.displayName);
        }
        renderActors(state, parts.actorSelect);
        return page.entries.map(row);
    }, t('log.empty'));
}

function renderActors(state, select) {
    const options = [el('option', {value: ''}, t('log.anyone')),
        el('option', {value: 'pipeline'}, t('log.thePipeline')),
        [...state.actors].map(([id, name]) => el('option', {value: id}, name))];
    select.replaceChildren(...options.flat());
    select.value = state.actor;
}

function row(entry) {
    return el('tr', {testid: 'log-entry'},
        el('td', {}, el('time', {datetime: entry.at}, formatTime(entry.at))),
        el('td', {testid: 'log-entry-action'}, label('log.action', entry.action)),
        el('td', {}, entry.actor ? entry.actor.displayName : t('log.pipeline')),
        el('td', {}, entry.subject?.displayName || ''),
        el('td', {}, entry.commentId ? el('code', {}, entry.commentId) : ''),
        el('td', {}, entry.reason || ''),
        el('td', {}, entry.modelVersion || ''));
}
