/*
 * The overview of the last 30 days: comments per day by status, the share each civility category held or rejected,
 * the busiest stories, and how often moderators overturn the pipeline. Charts are SVG drawn here, each with a
 * title, a description and a visually hidden table as its text alternative.
 */
import {get} from './api.js';
import {el, percent} from './dom.js';
import {categoryBars, stackedBars} from './charts.js';
import {t} from './i18n.js';

const DAYS = 30;
const STATUSES = ['published', 'pending', 'rejected', 'removed'];

export function showOverview(container, context) {
    const section = el('section', {class: 'overview', 'aria-labelledby': 'overview-heading'},
        el('h2', {id: 'overview-heading'}, t('overview.heading', {n: DAYS})));
    container.append(section);
    get('/api/v1/moderation/stats', {site: context.site, days: DAYS})
        .then((stats) => section.append(...panels(stats)))
        .catch((error) => section.append(el('p', {class: 'error', role: 'alert'}, error.message)));
}

function panels(stats) {
    return [
        el('p', {class: 'total', testid: 'total'}, t('overview.total', {n: stats.total, days: DAYS})),
        el('div', {class: 'panels'},
            panel(t('overview.perDay'), 'chart-per-day', stackedBars(stats.perDay, STATUSES)),
            panel(t('overview.categories'), 'chart-categories', categoryBars(stats.categories)),
            panel(t('overview.busiest'), 'busiest', busiest(stats.busiestStories)),
            panel(t('overview.overturns'), 'overturns', overturns(stats.overturns))),
    ];
}

function panel(title, testid, content) {
    const id = `panel-${testid}`;
    return el('section', {class: 'panel', testid, 'aria-labelledby': id}, el('h3', {id}, title), content);
}

function busiest(stories) {
    if (stories.length === 0) return el('p', {class: 'hint'}, t('overview.noComments'));
    return el('ol', {class: 'busiest'}, stories.map((story) => el('li', {},
        el('a', {href: story.url, target: '_blank', rel: 'noopener'}, story.title || story.url),
        el('span', {class: 'count'}, t('comments', {n: story.comments})))));
}

function overturns(numbers) {
    return el('figure', {class: 'figure'},
        el('p', {class: 'big', testid: 'overturn-rate'}, numbers.decisions ? percent(numbers.rate) : '–'),
        el('figcaption', {}, numbers.decisions
            ? t('overview.overturned', {n: numbers.overturned, decisions: numbers.decisions})
            : t('overview.noDecisions')));
}
