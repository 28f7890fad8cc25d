/*
 * The transparency report of the Digital Services Act (Art. 15 and 24) for a period: notices by legal category,
 * restrictions by type, ground and category, automated and human shares, median times, appeals and how often
 * people overturned the automated means. The same numbers download as CSV, one figure per row.
 */
import {get, withQuery} from './api.js';
import {el, percent} from './dom.js';
import {countBars} from './charts.js';
import {label, t} from './i18n.js';

const DAY = 24 * 60 * 60 * 1000;

export function showTransparency(container, context) {
    const today = new Date().toISOString().slice(0, 10);
    const from = dateInput('from', new Date(Date.now() - 181 * DAY).toISOString().slice(0, 10));
    const to = dateInput('to', today);
    const download = el('a', {class: 'download', testid: 'transparency-csv', download: ''}, t('transparency.csv'));
    const body = el('div', {testid: 'transparency-report', 'aria-live': 'polite'});
    const form = el('form', {class: 'period', testid: 'transparency-form'},
        el('label', {}, t('transparency.from'), ' ', from),
        el('label', {}, t('transparency.to'), ' ', to),
        el('button', {type: 'submit'}, t('transparency.show')), download);
    const load = () => {
        const period = {site: context.site, from: from.value, to: to.value};
        download.href = withQuery('/api/v1/moderation/transparency', {...period, format: 'csv'});
        get('/api/v1/moderation/transparency', period)
            .then(({report}) => body.replaceChildren(...sections(report)))
            .catch((error) => body.replaceChildren(el('p', {class: 'error', role: 'alert'}, error.message)));
    };
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        load();
    });
    container.append(el('section', {class: 'transparency', 'aria-labelledby': 'transparency-heading'},
        el('h2', {id: 'transparency-heading'}, t('transparency.heading')),
        el('p', {class: 'hint'}, t('transparency.hint')), form, body));
    load();
}

function dateInput(name, value) {
    return el('input', {type: 'date', name, value, required: true, testid: `transparency-${name}`});
}

function sections(report) {
    const {notices, actions, appeals, automatedOverturns: overturns, accountRestrictions: accounts} = report;
    return [el('div', {class: 'panels'},
        panel(t('transparency.actions'), 'transparency-actions', [
            figures([[t('transparency.total'), actions.total],
                [t('transparency.automatedDecision'), `${actions.automatedDecision} (${percent(actions.automatedShare)})`],
                [t('transparency.humanDecision'), actions.humanDecision],
                [t('transparency.automatedDetection'), actions.automatedDetection],
                [t('transparency.medianHuman'), hours(actions.medianHoursToHumanDecision)]]),
            ...countBars('actions-by-type', t('transparency.byType'), labelled('restriction', actions.byType))]),
        panel(t('transparency.grounds'), 'transparency-grounds', [
            ...countBars('actions-by-ground', t('transparency.byGround'), labelled('ground', actions.byGround)),
            ...countBars('actions-by-category', t('transparency.byCategory'),
                labelled('category', actions.byCategory))]),
        panel(t('transparency.notices'), 'transparency-notices', [
            figures([[t('transparency.received'), notices.received],
                ...Object.entries(notices.byStatus).map(([status, n]) => [label('notices.status', status), n]),
                [t('transparency.medianNotice'), hours(notices.medianHoursToAction)]]),
            ...countBars('notices-by-category', t('transparency.byLegalCategory'),
                labelled('legal', notices.byCategory))]),
        panel(t('transparency.appeals'), 'transparency-appeals', [
            figures([[t('transparency.received'), appeals.received], [label('appealStatus', 'open'), appeals.open],
                [label('appealStatus', 'upheld'), appeals.upheld],
                [label('appealStatus', 'dismissed'), appeals.dismissed],
                [t('transparency.medianAppeal'), hours(appeals.medianHoursToDecision)]]),
            el('h4', {}, t('transparency.overturns')),
            el('p', {class: 'big', testid: 'transparency-overturn-rate'},
                overturns.decisions ? percent(overturns.rate) : '–'),
            el('p', {class: 'hint'}, t('transparency.overturned',
                {n: overturns.overturned, decisions: overturns.decisions})),
            el('h4', {}, t('transparency.accounts')),
            figures([[t('transparency.suspensions'), accounts.suspensions], [t('transparency.bans'), accounts.bans]]),
        ]))];
}

function panel(title, testid, content) {
    const id = `panel-${testid}`;
    return el('section', {class: 'panel', testid, 'aria-labelledby': id}, el('h3', {id}, title), content);
}

/** Name–value pairs as a definition list. */
function figures(pairs) {
    return el('dl', {class: 'figures'}, pairs.flatMap(([name, value]) => [el('dt', {}, name),
        el('dd', {}, String(value))]));
}

function labelled(group, counts) {
    return Object.entries(counts).map(([code, n]) => ({label: label(group, code), n}));
}

function hours(value) {
    return value === null || value === undefined ? '–' : t('transparency.hours', {n: value});
}
