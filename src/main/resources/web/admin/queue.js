/*
 * The queues view: pending, reported, rejected and approved comments of one site with their counts, decisions by
 * button or key (j/k move, a approve, r reject, f feature, x select), bulk decisions on the selection, and "load
 * more". New items arrive without a reload: from the server's event stream when it offers one, else by polling
 * every 15 seconds.
 */
import {ApiError, get, post} from './api.js';
import {announce, el, showStatus, statusLine} from './dom.js';
import {actionsFor, itemCard} from './item.js';
import {openUserPanel} from './users.js';
import {watchQueue} from './live.js';
import {t} from './i18n.js';

const QUEUES = ['pending', 'reported', 'rejected', 'approved'];
const NEWEST_FIRST = new Set(['rejected', 'approved']);
const KEY_ACTIONS = {a: 'approve', r: 'reject', f: 'feature'};

export function showQueue(container, context) {
    const queueName = QUEUES.includes(context.queue) ? context.queue : 'pending';
    const state = {site: context.site, queue: queueName, entries: [], current: -1, selected: new Set(),
        decided: new Set(), nextCursor: null, counts: null};
    const parts = layout(state, context);
    container.append(parts.root);

    const render = () => renderEntries(state, parts);
    const handlers = (entry) => ({
        decide: (action, reason) => decide(state, parts, [entry], action, reason).then(render),
        toggleSelected: () => { toggle(state, entry); renderBulkBar(state, parts); },
        openUser: (id) => openUserPanel(id),
        focusItem: () => { state.current = state.entries.indexOf(entry); markCurrent(state); },
    });
    state.card = (entry) => itemCard(entry.item, state.queue, state.selected.has(entry.item.comment.id),
        handlers(entry));
    state.showCounts = (counts) => { state.counts = counts; renderCounts(state, parts); context.onCounts(counts); };

    parts.tabs.addEventListener('click', (event) => {
        const tab = event.target.closest('a[data-queue]');
        if (!tab || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        switchQueue(state, parts, tab.dataset.queue);
    });
    parts.more.addEventListener('click', () => loadPage(state, parts, state.nextCursor));
    parts.bulkApprove.addEventListener('click', () => decideSelected(state, parts, 'approve').then(render));
    parts.bulkReject.addEventListener('click', () => decideSelected(state, parts, 'reject').then(render));
    parts.bulkClear.addEventListener('click', () => { state.selected.clear(); render(); });
    const onKey = (event) => keyPressed(event, state, parts, render);
    document.addEventListener('keydown', onKey);

    loadPage(state, parts, null);
    const stopWatching = watchQueue(state.site, () => refresh(state, parts));
    return () => {
        document.removeEventListener('keydown', onKey);
        stopWatching();
    };
}

function layout(state, context) {
    const tabs = el('ul', {class: 'queue-tabs'}, QUEUES.map((name) => el('li', {},
        el('a', {href: '#' + new URLSearchParams({site: state.site, view: 'queue', queue: name}),
            testid: `queue-tab-${name}`, 'data-queue': name, 'aria-current': name === state.queue ? 'page' : null},
        t('queue.' + name), ' ', el('span', {class: 'count', testid: `count-${name}`}, '…')))));
    const parts = {
        list: el('ol', {class: 'items', testid: 'queue-items', 'aria-label': t('queue.items.' + state.queue)}),
        empty: el('p', {class: 'empty', testid: 'queue-empty', hidden: true}, t('queue.empty.' + state.queue)),
        more: el('button', {type: 'button', class: 'more', testid: 'load-more', hidden: true}, t('loadMore')),
        status: statusLine('queue-status'),
        ...bulkBarParts(),
        tabs,
    };
    parts.root = el('section', {class: 'queue', 'aria-labelledby': 'queue-heading'},
        el('h2', {id: 'queue-heading', class: 'visually-hidden'}, t('tab.queue')),
        el('nav', {'aria-label': t('tab.queue')}, tabs),
        el('details', {class: 'keys'}, el('summary', {}, t('keys')),
            el('p', {}, t('keys.list'))),
        parts.bulkBar, parts.status, parts.list, parts.empty, parts.more);
    return parts;
}

/** The bar of bulk decisions on the selection (the search view has one too): bulkBar and its parts. */
export function bulkBarParts() {
    const parts = {
        bulkCount: el('span', {testid: 'bulk-count'}),
        bulkApprove: el('button', {type: 'button', testid: 'bulk-approve'}, t('bulk.approve')),
        bulkReject: el('button', {type: 'button', testid: 'bulk-reject'}, t('bulk.reject')),
        bulkClear: el('button', {type: 'button', class: 'link'}, t('bulk.clear')),
    };
    parts.bulkBar = el('div', {class: 'bulk-bar', testid: 'bulk-bar', hidden: true, role: 'region',
        'aria-label': t('bulk.region')}, parts.bulkCount, parts.bulkApprove, parts.bulkReject, parts.bulkClear);
    return parts;
}

/**
 * Shows another queue in the same view: the tabs and their counts stay where they are (a moderator's click on a
 * tab is never lost to a redraw, and a count changes only its text), the list starts again, and the address
 * follows without a hashchange, which would draw the whole view again. The open queue's own tab refreshes it.
 */
function switchQueue(state, parts, name) {
    const address = '#' + new URLSearchParams({site: state.site, view: 'queue', queue: name});
    if (name === state.queue) {
        history.replaceState(null, '', address);
        refresh(state, parts);
        return;
    }
    history.pushState(null, '', address);
    Object.assign(state, {queue: name, entries: [], current: -1, nextCursor: null});
    state.selected.clear();
    state.decided.clear();
    for (const tab of parts.tabs.querySelectorAll('a[data-queue]')) {
        if (tab.dataset.queue === name) tab.setAttribute('aria-current', 'page');
        else tab.removeAttribute('aria-current');
    }
    parts.list.setAttribute('aria-label', t('queue.items.' + name));
    parts.empty.textContent = t('queue.empty.' + name);
    showStatus(parts.status, '', false);
    renderEntries(state, parts);
    loadPage(state, parts, null);
}

async function loadPage(state, parts, cursor) {
    const queue = state.queue;
    try {
        const page = await get('/api/v1/moderation/queue', {site: state.site, queue, cursor});
        if (queue !== state.queue) return; // another queue was picked meanwhile
        const known = new Set(state.entries.map((entry) => entry.item.comment.id));
        state.entries.push(...page.items.filter((item) => !known.has(item.comment.id)).map((item) => ({item})));
        state.nextCursor = page.nextCursor;
        state.showCounts(page.counts);
        renderEntries(state, parts);
        if (!cursor && state.entries.length > 0 && state.current < 0) select(state, 0, false);
    } catch (error) {
        showStatus(parts.status, error.message, true);
    }
}

/** Fetches the first page again: counts update and items not shown yet join the list. */
async function refresh(state, parts) {
    const queue = state.queue;
    let page;
    try {
        page = await get('/api/v1/moderation/queue', {site: state.site, queue});
    } catch (error) {
        return;
    }
    if (queue !== state.queue) return; // another queue was picked meanwhile
    state.showCounts(page.counts);
    const shown = new Set(state.entries.map((entry) => entry.item.comment.id));
    const arrived = page.items.filter((item) => !shown.has(item.comment.id) && !state.decided.has(item.comment.id));
    if (arrived.length === 0) return;
    const newest = NEWEST_FIRST.has(state.queue);
    if (!newest && state.nextCursor) return;
    const entries = arrived.map((item) => ({item}));
    if (newest) {
        state.entries.unshift(...entries);
        if (state.current >= 0) state.current += entries.length;
    } else {
        state.entries.push(...entries);
    }
    renderEntries(state, parts);
    if (state.current < 0) select(state, 0, false);
    announce(t('queue.arrived', {n: arrived.length}));
}

function renderEntries(state, parts) {
    const active = document.activeElement;
    const activeId = active?.closest?.('[data-comment-id]')?.dataset.commentId;
    for (const entry of state.entries) {
        if (!entry.node) entry.node = state.card(entry);
    }
    parts.list.replaceChildren(...state.entries.map((entry) => entry.node));
    parts.empty.hidden = state.entries.length > 0;
    parts.more.hidden = !state.nextCursor;
    renderBulkBar(state, parts);
    markCurrent(state);
    if (activeId && !state.entries.some((entry) => entry.item.comment.id === activeId)) {
        select(state, Math.min(state.current, state.entries.length - 1), true);
    }
}

function renderCounts(state, parts) {
    for (const name of QUEUES) {
        parts.tabs.querySelector(`[data-testid=count-${name}]`).textContent = String(state.counts[name] ?? 0);
    }
}

function renderBulkBar(state, parts) {
    const count = state.selected.size;
    parts.bulkBar.hidden = count === 0;
    parts.bulkCount.textContent = t('bulk.count', {n: count});
    parts.bulkApprove.hidden = state.queue === 'approved';
    parts.bulkReject.hidden = state.queue === 'rejected';
}

function toggle(state, entry) {
    const id = entry.item.comment.id;
    if (state.selected.has(id)) state.selected.delete(id);
    else state.selected.add(id);
    const box = entry.node?.querySelector('[data-testid=select]');
    if (box) box.checked = state.selected.has(id);
}

function select(state, index, focus) {
    if (state.entries.length === 0) {
        state.current = -1;
        return;
    }
    state.current = Math.max(0, Math.min(index, state.entries.length - 1));
    markCurrent(state);
    if (focus) state.entries[state.current].node.focus();
}

function markCurrent(state) {
    state.entries.forEach((entry, index) => entry.node?.classList.toggle('current', index === state.current));
}

function keyPressed(event, state, parts, render) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target.closest('input, textarea, select, [contenteditable], dialog')) return;
    if (document.querySelector('dialog[open]')) return;
    const entry = state.entries[state.current];
    if (event.key === 'j') select(state, state.current + 1, true);
    else if (event.key === 'k') select(state, state.current - 1, true);
    else if (event.key === 'x' && entry) { toggle(state, entry); renderBulkBar(state, parts); }
    else if (KEY_ACTIONS[event.key] && entry) {
        const action = event.key === 'f' && entry.item.comment.featured ? 'unfeature' : KEY_ACTIONS[event.key];
        if (!actionsFor(state.queue, entry.item.comment).includes(action)) return;
        const reason = entry.node.querySelector('[data-testid=decision-reason]').value.trim();
        decide(state, parts, [entry], action, reason).then(render);
    } else return;
    event.preventDefault();
}

async function decideSelected(state, parts, action) {
    const entries = state.entries.filter((entry) => state.selected.has(entry.item.comment.id));
    await decide(state, parts, entries, action, '');
}

/** Sends one decision per entry; decided items leave the queue, and the counts are fetched again. */
async function decide(state, parts, entries, action, reason) {
    await decideEach(entries, action, reason, parts.status,
        (entry, comment) => afterDecision(state, entry, action, comment));
    await refresh(state, parts);
}

/**
 * Sends one decision per entry ({item}) in turn, calls after(entry, comment) for each one decided, and says on the
 * status line how many were decided and what failed (the search view decides this way too).
 */
export async function decideEach(entries, action, reason, status, after) {
    const failures = [];
    let done = 0;
    for (const entry of entries) {
        try {
            const comment = await decideOne(entry.item.comment, action, reason);
            done++;
            after(entry, comment);
        } catch (error) {
            failures.push(error instanceof ApiError ? error.message : String(error));
        }
    }
    const message = t('decided.' + action, {n: done});
    showStatus(status, failures.length ? [done ? message : '', ...failures].join(' ').trim() : message,
        failures.length > 0);
}

/** Sends one decision (featuring a held comment approves it first) and answers the comment as it now is. */
async function decideOne(comment, action, reason) {
    const path = `/api/v1/moderation/comments/${encodeURIComponent(comment.id)}/decision`;
    const body = reason ? {action, reason} : {action};
    if (action === 'feature' && comment.status !== 'published') {
        await post(path, reason ? {action: 'approve', reason} : {action: 'approve'});
    }
    return (await post(path, body)).comment;
}

/** Approving or rejecting, or featuring a held comment, takes it out of this queue; featuring keeps it. */
function afterDecision(state, entry, action, comment) {
    const id = entry.item.comment.id;
    state.selected.delete(id);
    const stays = (action === 'feature' || action === 'unfeature') && entry.item.comment.status === 'published';
    if (stays) {
        entry.item = {...entry.item, comment: {...entry.item.comment, ...comment, replies: []}};
        entry.node = null;
        return;
    }
    state.decided.add(id);
    const index = state.entries.indexOf(entry);
    state.entries.splice(index, 1);
    if (state.current > index || state.current >= state.entries.length) state.current--;
    if (state.current < 0 && state.entries.length > 0) state.current = 0;
}
