/*
 * The appeals queue (DSA Art. 20): a site's open appeals, oldest first, each with the comment, the decision
 * contested and who made it (the pipeline or a moderator), the appellant's reason and the time since receipt. A
 * moderator upholds or dismisses one with reasons, which are mailed to the appellant; the server refuses the
 * moderator who made the decision contested while the site has another.
 */
import {get, post} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';
import {label, language, t} from './i18n.js';

const relative = new Intl.RelativeTimeFormat(language, {numeric: 'auto'});

export function showAppeals(container, context) {
    const list = el('ol', {class: 'queue', testid: 'appeals-list'});
    const status = statusLine('appeals-status');
    container.append(el('section', {class: 'appeals', 'aria-labelledby': 'appeals-heading'},
        el('h2', {id: 'appeals-heading'}, t('appeals.heading')), status, list));
    load(context.site, list, status);
}

async function load(site, list, status) {
    try {
        const {appeals} = await get('/api/v1/moderation/appeals', {site});
        list.replaceChildren(...appeals.map((item) => render(item, list, status)));
        showStatus(status, appeals.length ? '' : t('appeals.empty'), false);
    } catch (error) {
        showStatus(status, error.message, true);
    }
}

function waited(seconds) {
    const hours = seconds / 3600;
    return hours >= 24 ? relative.format(-Math.round(hours / 24), 'day')
        : hours >= 1 ? relative.format(-Math.round(hours), 'hour') : relative.format(-Math.round(seconds / 60), 'minute');
}

function render(item, list, status) {
    const {appeal} = item;
    const reason = el('textarea', {id: 'appeal-reason-' + appeal.id, testid: 'appeal-reason', rows: 3,
        maxlength: 4000, required: true});
    const error = el('p', {class: 'status error', testid: 'appeal-error'});
    const decide = (outcome) => async () => {
        try {
            await post(`/api/v1/moderation/appeals/${appeal.id}/decision`, {outcome, reason: reason.value});
            entry.remove();
            const message = t('appeals.decided.' + outcome);
            showStatus(status, list.children.length ? message : message + ' ' + t('appeals.empty'), false);
            announce(message);
        } catch (failure) {
            error.textContent = failure.message;
        }
    };
    const entry = el('li', {class: 'item', testid: 'appeal', 'data-appeal-id': appeal.id,
        'data-comment-id': appeal.commentId},
        el('p', {class: 'meta'},
            el('span', {class: 'badge'}, label('appeals.kind', appeal.noticeId ? 'notice' : 'author')), ' ',
            t('appeals.received', {ago: waited(item.waitingSeconds)}), ' · ',
            el('time', {datetime: appeal.createdAt}, formatTime(appeal.createdAt)), ' · ',
            item.storyUrl ? el('a', {href: item.storyUrl, target: '_blank', rel: 'noopener'}, item.storyTitle || '')
                : ''),
        el('blockquote', {testid: 'appeal-comment'}, item.commentBody),
        el('p', {testid: 'appeal-contested'}, t('appeals.contested', {
            action: label('log.action', appeal.contestedAction),
            by: item.contestedByName || t('log.pipeline'), author: item.authorName,
            status: label('status', item.commentStatus)})),
        el('p', {}, el('b', {}, t('appeals.reason')), ' ', el('span', {testid: 'appeal-text'}, appeal.reason)),
        el('label', {for: 'appeal-reason-' + appeal.id}, t('appeals.outcomeReason')), reason,
        el('div', {class: 'actions'},
            el('button', {type: 'button', class: 'approve', testid: 'appeal-upheld', onclick: decide('upheld')},
                t('appeals.uphold')),
            el('button', {type: 'button', class: 'reject', testid: 'appeal-dismissed', onclick: decide('dismissed')},
                t('appeals.dismiss'))),
        error);
    return entry;
}
