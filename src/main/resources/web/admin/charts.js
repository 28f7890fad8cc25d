/*
 * Small SVG charts with text alternatives: each has role="img", a <title> and <desc>, and the numbers in a
 * visually hidden table beside it. Colours come from CSS classes, so light and dark themes apply.
 */
import {el, percent, svg} from './dom.js';
import {label, t} from './i18n.js';

const WIDTH = 600;
const CATEGORY_WIDTH = 480;
const HEIGHT = 220;
const MARGIN = {top: 10, right: 10, bottom: 28, left: 36};

/** Stacked bars, one per day, one segment per status. */
export function stackedBars(days, statuses) {
    const totals = days.map((day) => statuses.reduce((sum, status) => sum + day[status], 0));
    const max = Math.max(1, ...totals);
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const slot = plotWidth / Math.max(1, days.length);
    const y = (value) => MARGIN.top + plotHeight - (value / max) * plotHeight;
    const bars = days.map((day, index) => {
        let below = 0;
        return statuses.filter((status) => day[status] > 0).map((status) => {
            const top = y(below + day[status]);
            const height = y(below) - top;
            below += day[status];
            return svg('rect', {class: `bar ${status}`, x: MARGIN.left + index * slot + slot * 0.15, y: top,
                width: slot * 0.7, height}, svg('title', {}, `${day.day}: ${day[status]} ${label('status', status)}`));
        });
    });
    const last = days.length - 1;
    const labels = days.filter((_, index) => index === last || (index % 7 === 0 && last - index >= 4)).map((day) =>
        svg('text', {class: 'axis', x: MARGIN.left + days.indexOf(day) * slot + slot / 2, y: HEIGHT - 8,
            'text-anchor': anchorOf(days.indexOf(day), last)}, day.day.slice(5)));
    const busiest = days[totals.indexOf(Math.max(...totals))];
    const description = totals.every((total) => total === 0) ? t('chart.noComments')
        : t('chart.perDay.desc', {n: totals.reduce((a, b) => a + b, 0), from: days[0].day,
            to: days[days.length - 1].day, busiest: busiest.day});
    const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart',
            'aria-labelledby': 'per-day-title per-day-desc', preserveAspectRatio: 'xMidYMid meet'},
        svg('title', {id: 'per-day-title'}, t('chart.perDay')),
        svg('desc', {id: 'per-day-desc'}, description),
        axis(max, y), bars, labels);
    const headings = [t('chart.day'), ...statuses.map((status) => label('status', status))];
    return [chart, legend(statuses), hiddenTable(t('chart.perDay'), headings,
        days.map((day) => [day.day, ...statuses.map((status) => day[status])]))];
}

/** Day labels stay inside the chart: the first starts at its bar, the last ends at its bar. */
function anchorOf(index, last) {
    if (index === 0) return 'start';
    return index === last ? 'end' : 'middle';
}

function axis(max, y) {
    return [0, Math.round(max / 2), max].filter((value, index, all) => all.indexOf(value) === index).map((value) =>
        [svg('line', {class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value)}),
            svg('text', {class: 'axis', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end'}, String(value))]);
}

function legend(statuses) {
    return legendOf(Object.fromEntries(statuses.map((status) => [status, label('status', status)])));
}

/** A legend from colour class to label; hidden from screen readers, which read the table instead. */
function legendOf(labels) {
    return el('ul', {class: 'legend', 'aria-hidden': 'true'}, Object.entries(labels).map(([colour, label]) =>
        el('li', {}, el('span', {class: `swatch ${colour}`}), label)));
}

/** Horizontal bars: the share of comments each category held or rejected. */
export function categoryBars(categories) {
    const rowHeight = 30;
    const labelWidth = 122;
    const height = categories.length * rowHeight + 10;
    const max = Math.max(0.0001, ...categories.map((category) => category.share));
    const rows = categories.map((category, index) => {
        const top = 5 + index * rowHeight;
        const width = Math.max((category.share / max) * (CATEGORY_WIDTH - labelWidth - 215), 1);
        const counted = category.held + category.rejected;
        const heldWidth = counted ? width * (category.held / counted) : width;
        const name = label('category', category.category);
        const counts = t('chart.heldRejected', {held: category.held, rejected: category.rejected});
        const tooltip = svg('title', {}, `${name}: ${counts}`);
        return [
            svg('text', {class: 'label', x: 0, y: top + 18}, name),
            svg('rect', {class: 'bar pending', x: labelWidth, y: top + 4, width: heldWidth, height: 18}, tooltip),
            svg('rect', {class: 'bar rejected', x: labelWidth + heldWidth, y: top + 4, width: width - heldWidth,
                height: 18}, tooltip.cloneNode(true)),
            svg('text', {class: 'value', x: labelWidth + width + 6, y: top + 18},
                `${percent(category.share)} (${counts})`),
        ];
    });
    const worst = categories.reduce((a, b) => (b.share > a.share ? b : a), categories[0]);
    const description = !worst || worst.share === 0 ? t('chart.categories.none')
        : t('chart.categories.desc', {category: label('category', worst.category), share: percent(worst.share)});
    const chart = svg('svg', {viewBox: `0 0 ${CATEGORY_WIDTH} ${height}`, role: 'img', class: 'chart',
            'aria-labelledby': 'categories-title categories-desc'},
        svg('title', {id: 'categories-title'}, t('chart.categories')),
        svg('desc', {id: 'categories-desc'}, description), rows);
    return [chart, legendOf({pending: t('chart.held'), rejected: t('chart.rejected')}),
        hiddenTable(t('chart.categories.table'),
            [t('chart.category'), t('chart.held'), t('chart.rejected'), t('chart.share')],
            categories.map((category) => [label('category', category.category), category.held, category.rejected,
                percent(category.share)]))];
}

function hiddenTable(caption, headings, rows) {
    return el('table', {class: 'visually-hidden'}, el('caption', {}, caption),
        el('thead', {}, el('tr', {}, headings.map((heading) => el('th', {scope: 'col'}, heading)))),
        el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, String(cell)))))));
}

/** Horizontal bars of labelled counts ({label, n}), with a title and a hidden table; nothing when all are 0. */
export function countBars(id, title, entries) {
    const rowHeight = 26;
    const labelWidth = 170;
    const max = Math.max(1, ...entries.map((entry) => entry.n));
    const total = entries.reduce((sum, entry) => sum + entry.n, 0);
    const rows = entries.map((entry, index) => {
        const top = 4 + index * rowHeight;
        const width = Math.max((entry.n / max) * (CATEGORY_WIDTH - labelWidth - 60), entry.n ? 2 : 0);
        return [svg('text', {class: 'label', x: 0, y: top + 16}, entry.label),
            svg('rect', {class: 'bar published', x: labelWidth, y: top + 3, width, height: 16},
                svg('title', {}, `${entry.label}: ${entry.n}`)),
            svg('text', {class: 'value', x: labelWidth + width + 6, y: top + 16}, String(entry.n))];
    });
    const chart = svg('svg', {viewBox: `0 0 ${CATEGORY_WIDTH} ${entries.length * rowHeight + 8}`, role: 'img',
            class: 'chart', testid: id, 'aria-labelledby': `${id}-title ${id}-desc`},
        svg('title', {id: `${id}-title`}, title),
        svg('desc', {id: `${id}-desc`}, t('chart.counts.desc', {n: total})), rows);
    return [el('h4', {}, title), chart, hiddenTable(title, [t('chart.item'), t('chart.count')],
        entries.map((entry) => [entry.label, entry.n]))];
}
