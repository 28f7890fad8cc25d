/*
 * The site settings form: guidelines, word lists, link limit, premoderation, guest comments, the new-commenter
 * rule, report thresholds, the proof of work (mode and limits), the edit window, closing stories N days after their first comment, what happens to a deleted account's comments, and civility
 * thresholds per category and band (blank: the model's default). Saving PATCHes only the fields that changed
 * and shows the API's error next to the field it names.
 */
import {ApiError, get, patch} from './api.js';
import {announce, el, showStatus, statusLine, BANDS, CATEGORIES} from './dom.js';
import {label, t} from './i18n.js';
import {oidcSection} from './oidc.js';

const DELETED_ACCOUNT_POLICIES = ['anonymize', 'remove'];
const NUMBERS = {
    linkLimit: {min: 0, max: 50, step: 1},
    newCommenterComments: {min: 0, max: 100, step: 1},
    newCommenterBar: {min: 0, max: 1, step: 0.01},
    reportsToQueue: {min: 1, max: 1000, step: 1},
    reportsToHold: {min: 1, max: 1000, step: 1},
    editWindowMinutes: {min: 0, max: 1440, step: 1, optional: true},
    closeAfterDays: {min: 0, max: 3650, step: 1},
    challengeComplexity: {min: 1000, max: 5000000, step: 1000},
    challengeAddressLimit: {min: 1, max: 1000, step: 1},
    challengeSiteLimit: {min: 1, max: 1000000, step: 1},
};

export function showSettings(container, context) {
    const section = el('section', {class: 'settings', 'aria-labelledby': 'settings-heading'},
        el('h2', {id: 'settings-heading'}, t('tab.settings')));
    container.append(section);
    get(`/api/v1/moderation/sites/${encodeURIComponent(context.site)}/settings`)
        .then((view) => section.append(form(context.site, view), oidcSection(context.site, view)))
        .catch((error) => section.append(el('p', {class: 'error', role: 'alert'}, error.message)));
}

const GUEST_MODES = ['off', 'pending', 'published'];
const CHALLENGE_MODES = ['always', 'threshold', 'off'];

function form(site, view) {
    let saved = values(view);
    const status = statusLine('settings-status');
    const settingsForm = el('form', {class: 'settings-form', testid: 'settings-form', novalidate: true},
        field('guidelines', el('textarea', {name: 'guidelines', rows: '4'}, view.guidelines)),
        field('bannedWords',
            el('textarea', {name: 'bannedWords', rows: '4'}, view.settings.bannedWords.join('\n'))),
        field('suspectWords',
            el('textarea', {name: 'suspectWords', rows: '4'}, view.settings.suspectWords.join('\n'))),
        field('premoderation',
            el('input', {type: 'checkbox', role: 'switch', name: 'premoderation', checked: view.settings.premoderation})),
        field('guestComments',
            el('select', {name: 'guestComments'}, GUEST_MODES.map((mode) =>
                el('option', {value: mode, selected: view.settings.guestComments === mode}, t('guests.' + mode))))),
        field('challenge',
            el('select', {name: 'challenge'}, CHALLENGE_MODES.map((mode) =>
                el('option', {value: mode, selected: view.settings.challenge === mode}, t('challenge.' + mode))))),
        Object.entries(NUMBERS).map(([name, spec]) => field(name, el('input', {type: 'number',
            name, min: spec.min, max: spec.max, step: spec.step, required: !spec.optional,
            value: view.settings[name] ?? ''}))),
        field('deletedAccountComments',
            el('select', {name: 'deletedAccountComments'}, DELETED_ACCOUNT_POLICIES.map((value) =>
                el('option', {value, selected: view.settings.deletedAccountComments === value},
                    t('deleted.' + value))))),
        thresholdTable(view.settings.thresholds),
        el('div', {class: 'form-actions'}, el('button', {type: 'submit', testid: 'settings-save'}, t('settings.save')),
            status));
    settingsForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(settingsForm);
        const changes = changed(saved, values(null, settingsForm));
        if (Object.keys(changes).length === 0) {
            showStatus(status, t('settings.unchanged'), false);
            return;
        }
        try {
            const next = await patch(`/api/v1/moderation/sites/${encodeURIComponent(site)}/settings`, changes);
            saved = values(next);
            showStatus(status, t('saved'), false);
            announce(t('settings.saved'));
        } catch (error) {
            showFieldError(settingsForm, error);
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
        }
    });
    return settingsForm;
}

/** A setting's control with its label (the key setting.NAME) and a line for its error. */
function field(name, control) {
    const text = t('setting.' + name);
    const id = `setting-${name}`;
    control.id = id;
    control.dataset.testid = `setting-${name}`;
    control.setAttribute('aria-describedby', `${id}-error`);
    const inline = control.type === 'checkbox';
    return el('div', {class: inline ? 'field inline' : 'field'},
        inline ? [control, el('label', {for: id}, text)] : [el('label', {for: id}, text), control],
        el('p', {class: 'field-error', id: `${id}-error`, testid: `error-${name}`}));
}

function thresholdTable(thresholds) {
    const input = (category, band) => el('input', {type: 'number', min: 0, max: 1, step: 0.01,
        name: `threshold-${category}-${band}`, testid: `threshold-${category}-${band}`,
        'aria-label': `${label('category', category)}, ${t('band.' + band)}`,
        value: thresholds[category]?.[band] ?? null, placeholder: t('settings.default')});
    return el('fieldset', {class: 'thresholds', 'aria-describedby': 'setting-thresholds-error'},
        el('legend', {}, t('settings.thresholds')),
        el('div', {class: 'table-wrap'}, el('table', {},
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, t('chart.category')),
                BANDS.map((band) => el('th', {scope: 'col'}, t('band.' + band))))),
            el('tbody', {}, CATEGORIES.map((category) => el('tr', {},
                el('th', {scope: 'row'}, label('category', category)), BANDS.map((band) => el('td', {}, input(category, band)))))))),
        el('p', {class: 'field-error', id: 'setting-thresholds-error', testid: 'error-thresholds'}));
}

/** The form's values in the API's shape, from a settings answer or from the form's fields. */
function values(view, settingsForm) {
    if (view) return {guidelines: view.guidelines, ...view.settings, thresholds: sortedThresholds(view.settings.thresholds)};
    const read = (name) => settingsForm.elements[name];
    const lines = (name) => read(name).value.split('\n').map((line) => line.trim()).filter(Boolean);
    const result = {guidelines: read('guidelines').value, bannedWords: lines('bannedWords'),
        suspectWords: lines('suspectWords'), premoderation: read('premoderation').checked,
        deletedAccountComments: read('deletedAccountComments').value, guestComments: read('guestComments').value,
        challenge: read('challenge').value,
        thresholds: {}};
    for (const name of Object.keys(NUMBERS)) result[name] = read(name).value === '' ? null : Number(read(name).value);
    for (const category of CATEGORIES) {
        for (const band of BANDS) {
            const value = read(`threshold-${category}-${band}`).value;
            if (value !== '') (result.thresholds[category] ??= {})[band] = Number(value);
        }
    }
    return {...result, thresholds: sortedThresholds(result.thresholds)};
}

function sortedThresholds(thresholds) {
    const sorted = {};
    for (const category of CATEGORIES) {
        const bands = BANDS.filter((band) => thresholds[category]?.[band] != null);
        if (bands.length) sorted[category] = Object.fromEntries(bands.map((band) => [band, thresholds[category][band]]));
    }
    return sorted;
}

/** The fields whose value differs from what was saved (a blank number is left as it was). */
function changed(saved, current) {
    return Object.fromEntries(Object.entries(current).filter(([name, value]) =>
        value !== null && JSON.stringify(value) !== JSON.stringify(saved[name])));
}

function clearErrors(settingsForm) {
    for (const line of settingsForm.querySelectorAll('.field-error')) line.textContent = '';
    for (const control of settingsForm.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

function showFieldError(settingsForm, error) {
    if (!(error instanceof ApiError) || !error.field) return;
    const line = settingsForm.querySelector(`#setting-${error.field}-error`);
    if (!line) return;
    line.textContent = error.message;
    const control = settingsForm.querySelector(`#setting-${error.field}`);
    control?.setAttribute('aria-invalid', 'true');
    control?.focus();
}
