/*
 * Sites and people, for admins: every site with its origins, language, SSO state and moderators; a form that
 * creates a site or edits one; moderators added (by e-mail or account id) and removed per site; and API tokens for
 * automation, limited by role and site, whose secret shows once when made, listed without it and revocable.
 */
import {ApiError, get, patch, post, remove, request} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';

const SITES = '/api/v1/admin/sites';
const TOKENS = '/api/v1/admin/tokens';
const FIELDS = ['id', 'name', 'origins', 'guidelines', 'language'];

export function showSites(container, context) {
    const status = statusLine('sites-status');
    const rows = el('tbody', {testid: 'site-rows'});
    const tokenRows = el('tbody', {testid: 'token-rows'});
    const secret = el('p', {class: 'note', testid: 'token-secret', hidden: true});
    const siteForm = form('site-form', [
        input('id', 'Id (a-z, 0-9, -; used in data-parley-site)'),
        input('name', 'Name'),
        el('label', {}, 'Allowed origins, one per line', el('textarea', {name: 'origins', rows: '2',
            testid: 'site-origins', placeholder: 'https://www.example.org'})),
        el('label', {}, 'Guidelines (blank: the default)', el('textarea', {name: 'guidelines', rows: '2',
            testid: 'site-guidelines'})),
        input('language', 'Language (e.g. en, tr)')], 'Save site', saveSite);
    const siteChoice = el('select', {name: 'site', testid: 'token-site'});
    const tokenForm = form('token-form', [input('name', 'Token name (what it is for)', 'token'),
        el('label', {}, 'Role', el('select', {name: 'role', testid: 'token-role'},
            el('option', {value: 'moderator'}, 'moderator'), el('option', {value: 'admin'}, 'admin'))),
        el('label', {}, 'Site', siteChoice)], 'Create token', createToken);
    let editing = null;

    /** Runs a change, says how it went and reloads; answers whether it worked. */
    const act = async (action, message) => {
        try {
            await action();
            showStatus(status, message, false);
            announce(message);
            await reload();
            return true;
        } catch (error) {
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
            return false;
        }
    };

    async function reload() {
        const [{sites}, {tokens}] = await Promise.all([get(SITES), get(TOKENS)]);
        rows.replaceChildren(...sites.map(siteRow));
        siteChoice.replaceChildren(el('option', {value: ''}, 'every site'),
            ...sites.map((site) => el('option', {value: site.id}, site.name)));
        tokenRows.replaceChildren(...tokens.map((token) => el('tr', {testid: 'token-row'},
            el('td', {}, token.name), el('td', {}, token.role), el('td', {}, token.site || 'every site'),
            el('td', {}, token.account.displayName), el('td', {}, formatTime(token.createdAt)),
            el('td', {}, el('button', {type: 'button', testid: 'revoke-token', onclick: () =>
                confirm(`Revoke the token "${token.name}"? Integrations using it stop working at once.`)
                && act(() => remove(`${TOKENS}/${encodeURIComponent(token.id)}`), 'Token revoked.')},
            'Revoke')))));
    }

    function siteRow(site) {
        const path = `${SITES}/${encodeURIComponent(site.id)}/moderators`;
        const who = el('input', {testid: 'moderator-input', 'aria-label': `New moderator of ${site.name}`,
            placeholder: 'e-mail or account id'});
        return el('tr', {testid: 'site-row', 'data-site': site.id},
            el('td', {}, el('strong', {}, site.name), ` (${site.id})`),
            el('td', {}, site.origins.join(' ')), el('td', {}, site.language), el('td', {}, site.sso ? 'on' : 'off'),
            el('td', {}, el('ul', {testid: 'moderators'}, site.moderators.map((moderator) => el('li', {},
                `${moderator.displayName} `, el('button', {type: 'button', class: 'link', testid: 'remove-moderator',
                    onclick: () => act(() => remove(`${path}/${encodeURIComponent(moderator.id)}`),
                        `${moderator.displayName} no longer moderates ${site.name}.`)}, 'remove')))),
            who, el('button', {type: 'button', testid: 'add-moderator', onclick: () => act(() =>
                request('PUT', `${path}/${encodeURIComponent(who.value.trim())}`), 'Moderator added.')}, 'Add')),
            el('td', {}, el('button', {type: 'button', testid: 'edit-site', onclick: () => edit(site)}, 'Edit')));
    }

    function edit(site) {
        editing = site.id;
        for (const name of FIELDS) {
            const value = site[name];
            siteForm.elements[name].value = Array.isArray(value) ? value.join('\n') : value;
        }
        siteForm.elements.id.disabled = true;
        siteForm.elements.name.focus();
    }

    async function saveSite(values) {
        const body = {...values, origins: values.origins.split('\n').map((line) => line.trim()).filter(Boolean)};
        for (const name of ['guidelines', 'language']) if (!body[name]) delete body[name];
        const saved = await act(() => (editing ? patch(`${SITES}/${encodeURIComponent(editing)}`, body)
            : post(SITES, body)), editing ? 'Site saved.' : `Site ${body.id} created.`);
        if (saved) {
            editing = null;
            siteForm.reset();
            siteForm.elements.id.disabled = false;
            context.onSitesChanged?.();
        }
    }

    async function createToken(values) {
        await act(async () => {
            const made = await post(TOKENS, {name: values.name, role: values.role, site: values.site || null});
            secret.hidden = false;
            secret.replaceChildren('Copy this token now; it is not shown again: ', el('code', {}, made.token));
        }, 'Token created.');
    }

    container.append(el('section', {class: 'sites', 'aria-labelledby': 'sites-heading'},
        el('h2', {id: 'sites-heading'}, 'Sites'), status,
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            ['Site', 'Allowed origins', 'Language', 'SSO', 'Moderators', ''].map((heading) =>
                el('th', {scope: 'col'}, heading)))), rows)),
        el('h3', {}, 'Create or edit a site'), siteForm,
        el('h3', {}, 'API tokens'),
        el('p', {}, 'A token acts as you, limited to the role and site chosen. Send it as Authorization: Bearer.'),
        tokenForm, secret,
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            ['Name', 'Role', 'Site', 'Account', 'Created', ''].map((heading) => el('th', {scope: 'col'}, heading)))),
        tokenRows))));
    reload().catch((error) => showStatus(status, error.message, true));
}

function input(name, label, prefix = 'site') {
    return el('label', {}, label, el('input', {name, testid: `${prefix}-${name}`}));
}

/** A form whose submit hands its named values to {@code onSubmit}. */
function form(testid, fields, submitLabel, onSubmit) {
    const element = el('form', {class: 'settings-form', testid}, fields,
        el('div', {class: 'form-actions'}, el('button', {type: 'submit', testid: `${testid}-submit`}, submitLabel)));
    element.addEventListener('submit', (event) => {
        event.preventDefault();
        onSubmit(Object.fromEntries(new FormData(element)));
    });
    return element;
}
