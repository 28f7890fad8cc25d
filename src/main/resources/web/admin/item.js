/*
 * One queued comment as a card: the comment (with flagged passages marked when the item gives character ranges),
 * its author's record, the story, the pipeline's reasons, readers' reports, the classifier's scores as bars, and
 * the decision buttons with an optional reason.
 */
import {el, formatTime, percent, CATEGORIES} from './dom.js';
import {label, t} from './i18n.js';

/** The actions a queue offers: approving what is approved, or rejecting what is rejected, makes no sense. */
export function actionsFor(queueName, comment) {
    const actions = [];
    if (queueName !== 'approved') actions.push('approve');
    if (queueName !== 'rejected') actions.push('reject');
    actions.push(comment.featured ? 'unfeature' : 'feature');
    return actions;
}

const KEYS = {approve: 'a', reject: 'r', feature: 'f', unfeature: 'f'};

/**
 * Builds the card. handlers: decide(action, reason), toggleSelected(), openUser(id), focusItem().
 */
export function itemCard(item, queueName, selected, handlers) {
    const comment = item.comment;
    const reasonId = `reason-${comment.id}`;
    const reasonInput = el('input', {id: reasonId, type: 'text', maxlength: '500', testid: 'decision-reason',
        placeholder: t('optional')});
    const buttons = actionsFor(queueName, comment).map((action) => el('button', {
        type: 'button', class: `decide ${action}`, testid: action, 'aria-keyshortcuts': KEYS[action],
        onclick: () => handlers.decide(action, reasonInput.value.trim()),
    }, t('action.' + action)));
    return el('li', {class: 'item', tabindex: '-1', testid: 'queue-item', 'data-comment-id': comment.id,
            'aria-labelledby': `by-${comment.id}`, onfocusin: handlers.focusItem, onclick: handlers.focusItem},
        el('div', {class: 'item-head'},
            el('input', {type: 'checkbox', class: 'select', testid: 'select', checked: selected,
                'aria-label': t('item.select', {name: comment.author?.displayName}),
                onchange: handlers.toggleSelected}),
            authorLine(item, handlers),
            el('span', {class: 'meta'}, el('time', {datetime: comment.createdAt}, formatTime(comment.createdAt)),
                comment.featured ? el('span', {class: 'tag featured', testid: 'featured'}, t('featured')) : null,
                el('span', {class: `tag status-${comment.status}`}, label('status', comment.status)))),
        storyLine(item.story),
        commentText(item),
        el('div', {class: 'facts'}, reasonsList(item.reasons), reportsList(item.reports), scoreBars(item)),
        el('div', {class: 'decision'},
            el('label', {for: reasonId}, t('reason')), reasonInput,
            el('span', {class: 'buttons'}, buttons)));
}

function authorLine(item, handlers) {
    const author = item.author || {...item.comment.author, published: 0, pending: 0, rejected: 0};
    return el('span', {class: 'author', id: `by-${item.comment.id}`},
        el('button', {type: 'button', class: 'link', testid: 'open-user', 'aria-haspopup': 'dialog',
            onclick: () => handlers.openUser(author.id)}, author.displayName),
        el('span', {class: 'record', testid: 'author-record'},
            t('record', {published: author.published, pending: author.pending, rejected: author.rejected})));
}

function storyLine(story) {
    if (!story) return null;
    return el('p', {class: 'story'}, t('item.on'), ' ',
        el('a', {href: story.url, target: '_blank', rel: 'noopener', testid: 'story-link'}, story.title || story.url));
}

/** The comment as published, or its written text with flagged passages marked when there are spans. */
function commentText(item) {
    const text = item.plainText ?? item.body;
    const spans = flaggedSpans(item, text);
    if (spans.length === 0) {
        return el('div', {class: 'comment-html', testid: 'comment-html', html: item.comment.html});
    }
    const parts = [];
    let at = 0;
    for (const span of spans) {
        parts.push(text.slice(at, span.start));
        parts.push(el('mark', {title: span.category || t('item.flagged'), class: 'flag', testid: 'flagged'},
            text.slice(span.start, span.end)));
        at = span.end;
    }
    parts.push(text.slice(at));
    return el('div', {class: 'comment-text', testid: 'comment-html'}, el('p', {}, parts),
        el('p', {class: 'hint'}, t('item.marked')));
}

/** Character ranges from the item's spans or from reasons that carry them, in order, within the text. */
function flaggedSpans(item, text) {
    const fromReasons = (item.reasons || []).filter((reason) => Number.isInteger(reason.start));
    const length = (text || '').length;
    return [...(item.spans || []), ...fromReasons]
        .filter((span) => Number.isInteger(span.start) && span.end > span.start && span.end <= length)
        .map((span) => ({start: span.start, end: span.end, category: span.category || span.code}))
        .sort((a, b) => a.start - b.start)
        .reduce(mergeOverlapping, []);
}

/** Joins a span into the one before it when they overlap, naming both categories. */
function mergeOverlapping(merged, span) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
        last.end = Math.max(last.end, span.end);
        if (!last.category.split(', ').includes(span.category)) last.category += `, ${span.category}`;
    } else {
        merged.push({...span});
    }
    return merged;
}

function reasonsList(reasons) {
    if (!reasons || reasons.length === 0) return null;
    return el('div', {class: 'fact'}, el('h4', {}, t('item.reasons')),
        el('ul', {testid: 'reasons'}, reasons.map((reason) =>
            el('li', {}, el('code', {}, reason.code), ' ', reason.message))));
}

function reportsList(reports) {
    if (!reports || reports.length === 0) return null;
    return el('div', {class: 'fact'}, el('h4', {}, t('item.reports')),
        el('ul', {testid: 'reports'}, reports.map((report) =>
            el('li', {}, `${label('report', report.reason)}: ${report.count}`))));
}

function scoreBars(item) {
    const heading = el('h4', {}, t('item.scores'),
        item.modelVersion ? el('small', {}, ' ' + t('item.model', {version: item.modelVersion})) : null);
    if (!item.scores) {
        return el('div', {class: 'fact'}, heading, el('p', {class: 'hint', testid: 'not-scored'}, t('item.notScored')));
    }
    const names = [...CATEGORIES.filter((name) => name in item.scores),
        ...Object.keys(item.scores).filter((name) => !CATEGORIES.includes(name))];
    return el('div', {class: 'fact'}, heading, el('ul', {class: 'scores', testid: 'scores'}, names.map((name) => {
        const score = item.scores[name];
        return el('li', {},
            el('span', {class: 'score-name'}, label('category', name)),
            el('span', {class: 'score-bar', role: 'img', 'aria-label': `${label('category', name)} ${percent(score)}`},
                el('span', {class: score >= 0.5 ? 'fill high' : 'fill', style: {width: percent(score)}})),
            el('span', {class: 'score-value'}, score.toFixed(2)));
    })));
}
