/*
 * The moderation log of a site, newest first, filtered by action and by actor (the pipeline or one of the
 * moderators seen in the entries so far), fifty entries a page with "load more".
 */
import {get} from './api.js';
import {el, formatTime, showStatus, statusLine} from './dom.js';

const ACTIONS = ['published', 'held', 'rejected', 'approve', 'reject', 'feature', 'unfeature', 'ban', 'suspend',
    'unban', 'warn'];

export function showLog(container, context) {
    const state = {site: context.site, action: '', actor: '', cursor: null, actors: new Map(), request: 0};
    const actionSelect = el('select', {id: 'log-action', testid: 'log-action'},
        el('option', {value: ''}, 'Any action'), ACTIONS.map((action) => el('option', {value: action}, action)));
    const actorSelect = el('select', {id: 'log-actor', testid: 'log-actor'});
    const rows = el('tbody', {testid: 'log-rows'});
    const more = el('button', {type: 'button', class: 'more', testid: 'log-more', hidden: true}, 'Load more');
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
        el('h2', {id: 'log-heading'}, 'Moderation log'),
        el('div', {class: 'filters'},
            el('label', {for: 'log-action'}, 'Action'), actionSelect,
            el('label', {for: 'log-actor'}, 'By'), actorSelect),
        status,
        el('div', {class: 'table-wrap'}, el('table', {},
            el('thead', {}, el('tr', {}, ['When', 'Action', 'By', 'Reader', 'Comment', 'Why', 'Model']
                .map((name) => el('th', {scope: 'col'}, name)))),
            rows)),
        more));
    load(state, parts, null);
}

async function load(state, parts, cursor) {
    const request = ++state.request;
    try {
        const page = await get('/api/v1/moderation/log', {site: state.site, cursor, action: state.action,
            actor: state.actor});
        if (request !== state.request) return;
        for (const entry of page.entries) {
            if (entry.actor) state.actors.set(entry.actor.id, entry.actor.displayName);
        }
        parts.rows.append(...page.entries.map(row));
        state.cursor = page.nextCursor;
        parts.more.hidden = !page.nextCursor;
        renderActors(state, parts.actorSelect);
        showStatus(parts.status, parts.rows.children.length === 0 ? 'No entries.' : '', false);
    } catch (error) {
        showStatus(parts.status, error.message, true);
    }
}

function renderActors(state, select) {
    const options = [el('option', {value: ''}, 'Anyone'), el('option', {value: 'pipeline'}, 'The pipeline'),
        [...state.actors].map(([id, name]) => el('option', {value: id}, name))];
    select.replaceChildren(...options.flat());
    select.value = state.actor;
}

function row(entry) {
    return el('tr', {testid: 'log-entry'},
        el('td', {}, el('time', {datetime: entry.at}, formatTime(entry.at))),
        el('td', {testid: 'log-entry-action'}, entry.action),
        el('td', {}, entry.actor ? entry.actor.displayName : 'pipeline'),
        el('td', {}, entry.subject?.displayName || ''),
        el('td', {}, entry.commentId ? el('code', {}, entry.commentId) : ''),
        el('td', {}, entry.reason || ''),
        el('td', {}, entry.modelVersion || ''));
}
