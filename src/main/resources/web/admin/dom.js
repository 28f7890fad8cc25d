/* Small DOM helpers the dashboard's views share. */
import {applyProps, el} from '../common/page.js';
import {language} from './i18n.js';

/** The shared element builder (../common/page.js). */
export {el};

/** Builds an SVG element the same way. */
export function svg(tag, props, ...children) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    applyProps(element, props);
    element.append(...children.flat(9).filter((child) => child != null && child !== false));
    return element;
}

/** Says something to screen readers through the page's polite live region. */
export function announce(message) {
    const region = document.getElementById('announcer');
    region.textContent = '';
    window.setTimeout(() => { region.textContent = message; }, 50);
}

const dateTime = new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'short'});
const percentage = new Intl.NumberFormat(language, {style: 'percent', maximumFractionDigits: 1});

export function formatTime(iso) {
    return iso ? dateTime.format(new Date(iso)) : '';
}

export function percent(share) {
    return percentage.format(share);
}

/** A status line that shows an API error or a success message and is read out when it changes. */
export function statusLine(testid) {
    return el('p', {class: 'status', role: 'status', 'aria-live': 'polite', testid});
}

export function showStatus(line, message, isError) {
    line.textContent = message;
    line.classList.toggle('error', Boolean(isError));
}

/**
 * Loads a page of a list that "load more" extends: drops the answer when a newer request has overtaken it,
 * appends the rows {@code render} makes of the page, keeps the next page's cursor in {@code state} and shows
 * "load more" while there is one, and says in the status line when the list is empty or the request failed.
 */
export async function appendPage(state, parts, fetchPage, render, emptyText) {
    const request = ++state.request;
    try {
        const page = await fetchPage();
        if (request !== state.request) return;
        parts.rows.append(...render(page));
        state.cursor = page.nextCursor;
        parts.more.hidden = !page.nextCursor;
        showStatus(parts.status, parts.rows.children.length === 0 ? emptyText : '', false);
    } catch (error) {
        showStatus(parts.status, error.message, true);
    }
}

/*
 * The civility categories and threshold bands by their codes, in the server's order. They are declared once, in
 * classifier/Category and classifier/Band, and arrive with GET /api/v1/moderation/sites before any view opens.
 */
export const CATEGORIES = [];
export const BANDS = [];

export function useVocabulary({categories, bands}) {
    CATEGORIES.splice(0, CATEGORIES.length, ...categories);
    BANDS.splice(0, BANDS.length, ...bands);
}
