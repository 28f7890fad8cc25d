/*
 * The site's stories: each with its published and pending comments, its comments in the last seven days, its last
 * activity, open or closed (by a moderator or by the site's "close after N days" rule) and premoderated, the
 * busiest first (or the most recently active), fifty a page with "load more". A moderator closes or reopens a
 * story and switches its premoderation here; a row links to the article and, when comments wait, to the queue.
 */
import {get, patch} from './api.js';
import {announce, appendPage, el, formatTime, showStatus, statusLine} from './dom.js';
import {t} from './i18n.js';

const SORTS = ['busiest', 'recent'];
const STATUSES = ['', 'open', 'closed'];

export function showStories(container, context) {
    const state = {site: context.site, cursor: null, request: 0};
    const sortSelect = el('select', {id: 'stories-sort', testid: 'stories-sort'},
        SORTS.map((sort) => el('option', {value: sort}, t('stories.sort.' + sort))));
    const statusSelect = el('select', {id: 'stories-status', testid: 'stories-status'},
        STATUSES.map((status) => el('option', {value: status}, t('stories.status.' + (status || 'any')))));
    const rows = el('tbody', {testid: 'stories-rows'});
    const more = el('button', {type: 'button', class: 'more', testid: 'stories-more', hidden: true}, t('loadMore'));
    const status = statusLine('stories-status-line');
    const parts = {sortSelect, statusSelect, rows, more, status};
    const reload = () => {
        rows.replaceChildren();
        load(state, parts, null);
    };
    sortSelect.addEventListener('change', reload);
    statusSelect.addEventListener('change', reload);
    more.addEventListener('click', () => load(state, parts, state.cursor));

    container.append(el('section', {class: 'stories', 'aria-labelledby': 'stories-heading'},
        el('h2', {id: 'stories-heading'}, t('tab.stories')),
        el('p', {class: 'hint'}, t('stories.busiestMeans')),
        el('div', {class: 'filters'},
            el('label', {for: 'stories-sort'}, t('stories.sort')), sortSelect,
            el('label', {for: 'stories-status'}, t('stories.status')), statusSelect),
        status,
        el('div', {class: 'table-wrap'}, el('table', {},
            el('thead', {}, el('tr', {}, ['story', 'published', 'pending', 'lastWeek', 'lastActivity', 'state',
                'premoderated', 'actions'].map((name) => el('th', {scope: 'col'}, t('stories.' + name))))),
            rows)),
        more));
    load(state, parts, null);
}

function load(state, parts, cursor) {
    return appendPage(state, parts, () => get('/api/v1/moderation/stories', {site: state.site, cursor,
        sort: parts.sortSelect.value, status: parts.statusSelect.value}),
    (page) => page.stories.map((story) => row(story, state, parts)), t('stories.empty'));
}

function row(story, state, parts) {
    const closed = story.status === 'closed';
    const change = async (body, done) => {
        try {
            const answer = await patch(`/api/v1/moderation/stories/${encodeURIComponent(story.id)}`, body);
            const next = row(answer.story, state, parts);
            parts.rows.querySelector(`[data-story-id="${CSS.escape(story.id)}"]`)?.replaceWith(next);
            announce(t(done, {title: story.title}));
            showStatus(parts.status, '', false);
        } catch (error) {
            showStatus(parts.status, error.message, true);
        }
    };
    const queue = '#' + new URLSearchParams({site: state.site, view: 'queue', queue: 'pending'});
    const premoderated = el('input', {type: 'checkbox', role: 'switch', testid: 'story-premoderated',
        'aria-label': t('stories.premoderate', {title: story.title}), checked: story.premoderated});
    premoderated.addEventListener('change', () => change({premoderated: premoderated.checked},
        premoderated.checked ? 'stories.premoderatedNow' : 'stories.notPremoderatedNow'));
    const toggle = el('button', {type: 'button', testid: closed ? 'story-reopen' : 'story-close'},
        t(closed ? 'stories.reopen' : 'stories.close'));
    toggle.addEventListener('click', () => change({status: closed ? 'open' : 'closed'},
        closed ? 'stories.reopened' : 'stories.closed'));
    return el('tr', {testid: 'story', 'data-story-id': story.id, 'data-premoderated': String(story.premoderated)},
        el('th', {scope: 'row'}, el('a', {href: story.url, target: '_blank', rel: 'noopener',
            testid: 'story-title'}, story.title)),
        el('td', {testid: 'story-published'}, String(story.commentCount)),
        el('td', {testid: 'story-pending'}, story.pending ? el('a', {href: queue}, String(story.pending)) : '0'),
        el('td', {}, String(story.lastWeek)),
        el('td', {}, story.lastActivityAt
            ? el('time', {datetime: story.lastActivityAt}, formatTime(story.lastActivityAt)) : t('stories.never')),
        el('td', {testid: 'story-state'}, t('stories.state.' + story.status),
            story.closesAt && el('small', {class: 'hint'}, ' ', t(closed ? 'stories.closedAt' : 'stories.closesAt',
                {time: formatTime(story.closesAt)}))),
        el('td', {}, premoderated),
        el('td', {}, toggle));
}
