/*
 * The overview of the last 30 days: comments per day by status, the share each civility category held or rejected,
 * the busiest stories, and how often moderators overturn the pipeline. Charts are SVG drawn here, each with a
 * title, a description and a visually hidden table as its text alternative.
 */
import {get} from './api.js';
import {el, percent} from './dom.js';
import {categoryBars, stackedBars} from './charts.js';

const DAYS = 30;
const STATUSES = ['published', 'pending', 'rejected', 'removed'];

export function showOverview(container, context) {
    const section = el('section', {class: 'overview', 'aria-labelledby': 'overview-heading'},
        el('h2', {id: 'overview-heading'}, `Overview: the last ${DAYS} days`));
    container.append(section);
    get('/api/v1/moderation/stats', {site: context.site, days: DAYS})
        .then((stats) => section.append(...panels(stats)))
        .catch((error) => section.append(el('p', {class: 'error', role: 'alert'}, error.message)));
}

function panels(stats) {
    return [
        el('p', {class: 'total', testid: 'total'}, `${stats.total} comments in ${DAYS} days.`),
        el('div', {class: 'panels'},
            panel('Comments per day', 'chart-per-day', stackedBars(stats.perDay, STATUSES)),
            panel('Held or rejected, by category', 'chart-categories', categoryBars(stats.categories)),
            panel('Busiest stories', 'busiest', busiest(stats.busiestStories)),
            panel('Moderators overturning the model', 'overturns', overturns(stats.overturns))),
    ];
}

function panel(title, testid, content) {
    const id = `panel-${testid}`;
    return el('section', {class: 'panel', testid, 'aria-labelledby': id}, el('h3', {id}, title), content);
}

function busiest(stories) {
    if (stories.length === 0) return el('p', {class: 'hint'}, 'No comments yet.');
    return el('ol', {class: 'busiest'}, stories.map((story) => el('li', {},
        el('a', {href: story.url, target: '_blank', rel: 'noopener'}, story.title || story.url),
        el('span', {class: 'count'}, story.comments === 1 ? '1 comment' : `${story.comments} comments`))));
}

function overturns(numbers) {
    return el('figure', {class: 'figure'},
        el('p', {class: 'big', testid: 'overturn-rate'}, numbers.decisions ? percent(numbers.rate) : '–'),
        el('figcaption', {}, numbers.decisions
            ? `${numbers.overturned} of ${numbers.decisions} moderator decisions went against the pipeline.`
            : 'No moderator decisions on judged comments yet.'));
}
