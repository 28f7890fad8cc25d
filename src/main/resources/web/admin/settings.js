/*
 * The site settings form: guidelines, word lists, link limit, premoderation, guest comments, the new-commenter
 * rule, report thresholds, the edit window and civility thresholds per category and band (blank: the model's
 * default). Saving PATCHes only the fields that changed and shows the API's error next to the field it names.
 */
import {ApiError, get, patch} from './api.js';
import {announce, el, showStatus, statusLine, CATEGORIES} from './dom.js';

const BANDS = ['nudge', 'hold', 'reject'];
const NUMBERS = {
    linkLimit: {label: 'Link limit (more links than this hold a comment)', min: 0, max: 50, step: 1},
    newCommenterComments: {label: 'New commenters: first comments checked (0: off)', min: 0, max: 100, step: 1},
    newCommenterBar: {label: 'New commenters: hold when any score passes', min: 0, max: 1, step: 0.01},
    reportsToQueue: {label: 'Reports that put a comment in the reported queue', min: 1, max: 1000, step: 1},
    reportsToHold: {label: 'Reports that also hold it until reviewed', min: 1, max: 1000, step: 1},
    editWindowMinutes: {label: 'Minutes an author may edit (blank: the server\'s setting)', min: 0, max: 1440, step: 1,
        optional: true},
};

export function showSettings(container, context) {
    const section = el('section', {class: 'settings', 'aria-labelledby': 'settings-heading'},
        el('h2', {id: 'settings-heading'}, 'Settings'));
    container.append(section);
    get(`/api/v1/moderation/sites/${encodeURIComponent(context.site)}/settings`)
        .then((view) => section.append(form(context.site, view)))
        .catch((error) => section.append(el('p', {class: 'error', role: 'alert'}, error.message)));
}

const GUEST_MODES = {off: 'Off: only signed-in readers comment', pending: 'On, held for a moderator',
    published: 'On, judged like everyone\u2019s'};

function form(site, view) {
    let saved = values(view);
    const status = statusLine('settings-status');
    const settingsForm = el('form', {class: 'settings-form', testid: 'settings-form', novalidate: true},
        field('guidelines', 'Guidelines', el('textarea', {name: 'guidelines', rows: '4'}, view.guidelines)),
        field('bannedWords', 'Banned words (one per line; they reject a comment)',
            el('textarea', {name: 'bannedWords', rows: '4'}, view.settings.bannedWords.join('\n'))),
        field('suspectWords', 'Suspect words (one per line; they hold a comment)',
            el('textarea', {name: 'suspectWords', rows: '4'}, view.settings.suspectWords.join('\n'))),
        field('premoderation', 'Premoderation: hold every comment for a moderator',
            el('input', {type: 'checkbox', role: 'switch', name: 'premoderation', checked: view.settings.premoderation})),
        field('guestComments', 'Guest comments (a name and an e-mail address, no account)',
            el('select', {name: 'guestComments'}, Object.entries(GUEST_MODES).map(([mode, label]) =>
                el('option', {value: mode, selected: view.settings.guestComments === mode}, label)))),
        Object.entries(NUMBERS).map(([name, spec]) => field(name, spec.label, el('input', {type: 'number',
            name, min: spec.min, max: spec.max, step: spec.step, required: !spec.optional,
            value: view.settings[name] ?? ''}))),
        thresholdTable(view.settings.thresholds),
        el('div', {class: 'form-actions'}, el('button', {type: 'submit', testid: 'settings-save'}, 'Save changes'),
            status));
    settingsForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(settingsForm);
        const changes = changed(saved, values(null, settingsForm));
        if (Object.keys(changes).length === 0) {
            showStatus(status, 'Nothing changed.', false);
            return;
        }
        try {
            const next = await patch(`/api/v1/moderation/sites/${encodeURIComponent(site)}/settings`, changes);
            saved = values(next);
            showStatus(status, 'Saved.', false);
            announce('Settings saved.');
        } catch (error) {
            showFieldError(settingsForm, error);
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
        }
    });
    return settingsForm;
}

function field(name, label, control) {
    const id = `setting-${name}`;
    control.id = id;
    control.dataset.testid = `setting-${name}`;
    control.setAttribute('aria-describedby', `${id}-error`);
    const inline = control.type === 'checkbox';
    return el('div', {class: inline ? 'field inline' : 'field'},
        inline ? [control, el('label', {for: id}, label)] : [el('label', {for: id}, label), control],
        el('p', {class: 'field-error', id: `${id}-error`, testid: `error-${name}`}));
}

function thresholdTable(thresholds) {
    const input = (category, band) => el('input', {type: 'number', min: 0, max: 1, step: 0.01,
        name: `threshold-${category}-${band}`, testid: `threshold-${category}-${band}`,
        'aria-label': `${category}, ${band}`, value: thresholds[category]?.[band] ?? null, placeholder: 'default'});
    return el('fieldset', {class: 'thresholds', 'aria-describedby': 'setting-thresholds-error'},
        el('legend', {}, 'Civility thresholds (0 to 1; blank: the model\u2019s default)'),
        el('div', {class: 'table-wrap'}, el('table', {},
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Category'),
                BANDS.map((band) => el('th', {scope: 'col'}, band)))),
            el('tbody', {}, CATEGORIES.map((category) => el('tr', {},
                el('th', {scope: 'row'}, category), BANDS.map((band) => el('td', {}, input(category, band)))))))),
        el('p', {class: 'field-error', id: 'setting-thresholds-error', testid: 'error-thresholds'}));
}

/** The form's values in the API's shape, from a settings answer or from the form's fields. */
function values(view, settingsForm) {
    if (view) return {guidelines: view.guidelines, ...view.settings, thresholds: sortedThresholds(view.settings.thresholds)};
    const read = (name) => settingsForm.elements[name];
    const lines = (name) => read(name).value.split('\n').map((line) => line.trim()).filter(Boolean);
    const result = {guidelines: read('guidelines').value, bannedWords: lines('bannedWords'),
        suspectWords: lines('suspectWords'), premoderation: read('premoderation').checked,
        guestComments: read('guestComments').value, thresholds: {}};
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
