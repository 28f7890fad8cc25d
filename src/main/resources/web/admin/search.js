/*
 * The search view: words and filters (author, story, status, period) over one site's comments through
 * GET /api/v1/moderation/search, results newest first as queue items, 50 at a time with "load more", and
 * approve or reject on one result or on the selected ones. Decided results stay in the list with their new status.
 */
import {ApiError, get} from './api.js';
import {announce, el, showStatus, statusLine} from './dom.js';
import {itemCard} from './item.js';
import {bulkBarParts, decideEach} from './queue.js';
import {openUserPanel} from './users.js';
import {label, t} from './i18n.js';

const STATUSES = ['published', 'pending', 'rejected', 'removed'];

export function showSearch(container, context) {
    const state = {site: context.site, criteria: null, entries: [], selected: new Set(), nextCursor: null};
    const parts = layout();
    container.append(parts.root);
    parts.form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(parts.form);
        state.criteria = Object.fromEntries([...data.entries()].filter(([, value]) => String(value).trim() !== ''));
        state.entries = [];
        state.selected.clear();
        load(state, parts, null);
    });
    parts.more.addEventListener('click', () => load(state, parts, state.nextCursor));
    parts.bulkApprove.addEventListener('click', () => decideSelected(state, parts, 'approve'));
    parts.bulkReject.addEventListener('click', () => decideSelected(state, parts, 'reject'));
    parts.bulkClear.addEventListener('click', () => { state.selected.clear(); render(state, parts); });
    parts.form.querySelector('input').focus();
}

function layout() {
    const field = (name, type, extra = {}) => el('div', {class: 'field'},
        el('label', {for: `search-${name}`}, t('search.' + name)),
        el('input', {id: `search-${name}`, name, type, testid: `search-${name}`, ...extra}));
    const form = el('form', {class: 'search-form', testid: 'search-form', role: 'search'},
        field('q', 'search', {maxlength: '200'}),
        field('author', 'text', {maxlength: '200'}),
        field('story', 'text', {maxlength: '2000'}),
        el('div', {class: 'field'}, el('label', {for: 'search-status'}, t('search.status')),
            el('select', {id: 'search-status', name: 'status', testid: 'search-status'},
                el('option', {value: ''}, t('search.anyStatus')),
                STATUSES.map((status) => el('option', {value: status}, label('status', status))))),
        field('from', 'date'), field('to', 'date'),
        el('button', {type: 'submit', testid: 'search-submit'}, t('search.submit')));
    const parts = {
        form,
        list: el('ol', {class: 'items', testid: 'search-results', 'aria-label': t('search.results')}),
        empty: el('p', {class: 'empty', testid: 'search-empty', hidden: true}, t('search.empty')),
        more: el('button', {type: 'button', class: 'more', testid: 'search-more', hidden: true}, t('loadMore')),
        status: statusLine('search-status-line'),
        ...bulkBarParts(),
    };
    parts.root = el('section', {class: 'search', 'aria-labelledby': 'search-heading'},
        el('h2', {id: 'search-heading', class: 'visually-hidden'}, t('tab.search')),
        form, parts.bulkBar, parts.status, parts.list, parts.empty, parts.more);
    return parts;
}

async function load(state, parts, cursor) {
    try {
        const page = await get('/api/v1/moderation/search', {site: state.site, ...state.criteria, cursor});
        state.entries.push(...page.items.map((item) => ({item})));
        state.nextCursor = page.nextCursor;
        showStatus(parts.status, '', false);
        render(state, parts);
        if (!cursor) announce(t('search.found', {n: state.entries.length}));
    } catch (error) {
        showStatus(parts.status, error instanceof ApiError ? error.message : String(error), true);
    }
}

/** The queue whose actions suit a result: approve what is not published, reject what is not rejected. */
function queueOf(comment) {
    if (comment.status === 'published') return 'approved';
    return comment.status === 'rejected' ? 'rejected' : 'pending';
}

function render(state, parts) {
    for (const entry of state.entries) {
        if (!entry.node) {
            entry.node = itemCard(entry.item, queueOf(entry.item.comment), state.selected.has(entry.item.comment.id), {
                decide: (action, reason) => decide(state, parts, [entry], action, reason),
                toggleSelected: () => toggle(state, parts, entry),
                openUser: (id) => openUserPanel(id),
                focusItem: () => null,
            });
        }
    }
    parts.list.replaceChildren(...state.entries.map((entry) => entry.node));
    parts.empty.hidden = state.entries.length > 0 || state.criteria === null;
    parts.more.hidden = !state.nextCursor;
    parts.bulkBar.hidden = state.selected.size === 0;
    parts.bulkCount.textContent = t('bulk.count', {n: state.selected.size});
}

function toggle(state, parts, entry) {
    const id = entry.item.comment.id;
    if (state.selected.has(id)) state.selected.delete(id);
    else state.selected.add(id);
    render(state, parts);
}

function decideSelected(state, parts, action) {
    return decide(state, parts, state.entries.filter((entry) => state.selected.has(entry.item.comment.id)), action, '');
}

/** One decision per result; a decided result is drawn again with its new status and leaves the selection. */
async function decide(state, parts, entries, action, reason) {
    await decideEach(entries, action, reason, parts.status, (entry, comment) => {
        entry.item = {...entry.item, comment: {...entry.item.comment, ...comment, replies: []}};
        entry.node = null;
        state.selected.delete(entry.item.comment.id);
    });
    render(state, parts);
}
