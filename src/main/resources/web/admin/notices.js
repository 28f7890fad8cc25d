/*
 * The notices queue of a site: notices of illegal content (DSA Art. 16) that readers sent, the longest waiting
 * first, each with the comment, the legal category, the notifier's explanation, name and e-mail (for moderators
 * only) and the time since receipt. A moderator removes the comment or dismisses the notice, always with reasons:
 * they are mailed to the notifier. Other open notices on the same comment are decided with it.
 */
import {get, post} from './api.js';
import {el, formatTime, showStatus, statusLine} from './dom.js';
import {label, language, t} from './i18n.js';

const STATUSES = ['open', 'actioned', 'dismissed'];
const UNITS = [['day', 86400], ['hour', 3600], ['minute', 60]];
const relative = new Intl.RelativeTimeFormat(language, {numeric: 'auto'});

/** How long ago, in the largest whole unit ("3 hours ago"). */
function since(iso) {
    const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    const [unit, size] = UNITS.find(([, length]) => seconds >= length) || ['second', 1];
    return relative.format(-Math.floor(seconds / size), unit);
}

export function showNotices(container, context) {
    const state = {site: context.site, status: 'open', cursor: null, request: 0};
    const statusSelect = el('select', {id: 'notices-status', testid: 'notices-status'},
        STATUSES.map((status) => el('option', {value: status}, label('notices.status', status))));
    const list = el('ol', {class: 'items', testid: 'notices-list'});
    const more = el('button', {type: 'button', class: 'more', testid: 'notices-more', hidden: true}, t('loadMore'));
    const status = statusLine('notices-status-line');
    const parts = {list, more, status};
    statusSelect.addEventListener('change', () => {
        state.status = statusSelect.value;
        list.replaceChildren();
        load(state, parts, null);
    });
    more.addEventListener('click', () => load(state, parts, state.cursor));
    container.append(el('section', {class: 'notices', 'aria-labelledby': 'notices-heading'},
        el('h2', {id: 'notices-heading'}, t('notices.heading')),
        el('p', {class: 'hint'}, t('notices.hint')),
        el('div', {class: 'filters'}, el('label', {for: 'notices-status'}, t('notices.show')), statusSelect),
        status, list, more));
    load(state, parts, null);
}

async function load(state, parts, cursor) {
    const request = ++state.request;
    try {
        const page = await get('/api/v1/moderation/notices', {site: state.site, status: state.status, cursor});
        if (request !== state.request) return;
        parts.list.append(...page.notices.map((notice) => card(notice, state, parts)));
        state.cursor = page.nextCursor;
        parts.more.hidden = !page.nextCursor;
        showStatus(parts.status, parts.list.children.length === 0 ? t('notices.empty') : '', false);
    } catch (error) {
        showStatus(parts.status, error.message, true);
    }
}

function card(notice, state, parts) {
    const reasonId = `notice-reason-${notice.id}`;
    const reason = el('textarea', {id: reasonId, rows: 2, maxlength: '2000', required: true,
        testid: 'notice-reason'});
    const decide = (action) => async () => {
        if (!reason.value.trim()) {
            showStatus(parts.status, t('notices.reasonNeeded'), true);
            reason.focus();
            return;
        }
        try {
            const answer = await post(`/api/v1/moderation/notices/${notice.id}/decision`,
                {action, reason: reason.value.trim()});
            parts.list.replaceChildren();
            await load(state, parts, null);
            showStatus(parts.status, t('notices.decided.' + action, {n: answer.notices.length}), false);
        } catch (error) {
            showStatus(parts.status, error.message, true);
        }
    };
    const notifier = notice.notifier;
    return el('li', {class: 'item', testid: 'notice-item', 'data-notice-id': notice.id},
        el('div', {class: 'item-head'},
            el('span', {class: 'tag', testid: 'notice-category'}, label('legal', notice.category)),
            el('span', {class: 'meta'}, el('time', {datetime: notice.createdAt, title: formatTime(notice.createdAt),
                testid: 'notice-age'}, t('notices.received', {ago: since(notice.createdAt)})),
            el('span', {class: 'tag'}, t('notices.number', {id: notice.id})))),
        notice.story ? el('p', {class: 'story'}, el('a', {href: notice.story.url, target: '_blank',
            rel: 'noopener'}, notice.story.title || notice.story.url)) : null,
        el('blockquote', {class: 'body', testid: 'notice-comment'}, notice.comment.plainText),
        el('p', {class: 'meta'}, t('notices.author', {name: notice.comment.authorName}), ' · ',
            label('status', notice.comment.status)),
        el('dl', {class: 'facts'},
            el('dt', {}, t('notices.explanation')), el('dd', {testid: 'notice-explanation'}, notice.explanation),
            el('dt', {}, t('notices.notifier')), el('dd', {testid: 'notice-notifier'},
                [notifier.name, notifier.email].filter(Boolean).join(' · ') || t('notices.anonymous')),
            notice.decisionReason ? [el('dt', {}, t('notices.decision')),
                el('dd', {}, notice.decisionReason)] : null),
        notice.status === 'open' ? el('div', {class: 'decision'},
            el('label', {for: reasonId}, t('notices.reason')), reason,
            el('span', {class: 'buttons'},
                el('button', {type: 'button', class: 'decide reject', testid: 'notice-remove',
                    onclick: decide('remove')}, t('notices.remove')),
                el('button', {type: 'button', class: 'decide', testid: 'notice-dismiss',
                    onclick: decide('dismiss')}, t('notices.dismiss')))) : null);
}
