/*
 * Sites and people, for admins: every site with its origins, language, SSO state and moderators; a form that
 * creates a site or edits one; moderators added (by e-mail or account id) and removed per site; and API tokens for
 * automation, limited by role and site, whose secret shows once when made, listed without it and revocable; the
 * staff badges of each site (badges.js).
 */
import {ApiError, get, patch, post, remove, request} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';
import {label, t} from './i18n.js';
import {badgesSection} from './badges.js';

const SITES = '/api/v1/admin/sites';
const TOKENS = '/api/v1/admin/tokens';
const FIELDS = ['id', 'name', 'origins', 'guidelines', 'language'];

export function showSites(container, context) {
    const status = statusLine('sites-status');
    const rows = el('tbody', {testid: 'site-rows'});
    const tokenRows = el('tbody', {testid: 'token-rows'});
    const secret = el('p', {class: 'note', testid: 'token-secret', hidden: true});
    const siteForm = form('site-form', [
        input('id', t('sites.field.id')),
        input('name', t('sites.field.name')),
        el('label', {}, t('sites.field.origins'), el('textarea', {name: 'origins', rows: '2',
            testid: 'site-origins', placeholder: 'https://www.example.org'})),
        el('label', {}, t('sites.field.guidelines'), el('textarea', {name: 'guidelines', rows: '2',
            testid: 'site-guidelines'})),
        input('language', t('sites.field.language'))], t('sites.save'), saveSite);
    const siteChoice = el('select', {name: 'site', testid: 'token-site'});
    const tokenForm = form('token-form', [input('name', t('tokens.field.name'), 'token'),
        el('label', {}, t('user.role'), el('select', {name: 'role', testid: 'token-role'},
            el('option', {value: 'moderator'}, label('role', 'moderator')),
            el('option', {value: 'admin'}, label('role', 'admin')))),
        el('label', {}, t('site'), siteChoice)], t('tokens.create'), createToken);
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
        siteChoice.replaceChildren(el('option', {value: ''}, t('sites.every')),
            ...sites.map((site) => el('option', {value: site.id}, site.name)));
        tokenRows.replaceChildren(...tokens.map((token) => el('tr', {testid: 'token-row'},
            el('td', {}, token.name), el('td', {}, label('role', token.role)),
            el('td', {}, token.site || t('sites.every')),
            el('td', {}, token.account.displayName), el('td', {}, formatTime(token.createdAt)),
            el('td', {}, el('button', {type: 'button', testid: 'revoke-token', onclick: () =>
                confirm(t('tokens.confirmRevoke', {name: token.name}))
                && act(() => remove(`${TOKENS}/${encodeURIComponent(token.id)}`), t('tokens.revoked'))},
            t('tokens.revoke'))))));
    }

    function siteRow(site) {
        const path = `${SITES}/${encodeURIComponent(site.id)}/moderators`;
        const who = el('input', {testid: 'moderator-input', 'aria-label': t('sites.newModerator', {site: site.name}),
            placeholder: t('sites.moderatorPlaceholder')});
        return el('tr', {testid: 'site-row', 'data-site': site.id},
            el('td', {}, el('strong', {}, site.name), ` (${site.id})`),
            el('td', {}, site.origins.join(' ')), el('td', {}, site.language),
            el('td', {}, site.sso ? t('sites.sso.on') : t('sites.sso.off')),
            el('td', {}, el('ul', {testid: 'moderators'}, site.moderators.map((moderator) => el('li', {},
                `${moderator.displayName} `, el('button', {type: 'button', class: 'link', testid: 'remove-moderator',
                    onclick: () => act(() => remove(`${path}/${encodeURIComponent(moderator.id)}`),
                        t('sites.moderatorRemoved', {name: moderator.displayName, site: site.name}))},
                t('sites.removeModerator'))))),
            who, el('button', {type: 'button', testid: 'add-moderator', onclick: () => act(() =>
                request('PUT', `${path}/${encodeURIComponent(who.value.trim())}`), t('sites.moderatorAdded'))},
            t('sites.addModerator'))),
            el('td', {}, el('button', {type: 'button', testid: 'edit-site', onclick: () => edit(site)}, t('edit'))));
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
            : post(SITES, body)), editing ? t('sites.saved') : t('sites.created', {id: body.id}));
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
            secret.replaceChildren(t('tokens.secret'), ' ', el('code', {}, made.token));
        }, t('tokens.created'));
    }

    container.append(el('section', {class: 'sites', 'aria-labelledby': 'sites-heading'},
        el('h2', {id: 'sites-heading'}, t('tab.sites')), status,
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            [t('site'), t('sites.origins'), t('language'), t('sites.sso'), t('sites.moderators'), ''].map((heading) =>
                el('th', {scope: 'col'}, heading)))), rows)),
        el('h3', {}, t('sites.formHeading')), siteForm, badgesSection(act),
        el('h3', {}, t('tokens.heading')),
        el('p', {}, t('tokens.about')),
        tokenForm, secret,
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            [t('tokens.name'), t('user.role'), t('site'), t('tokens.account'), t('tokens.createdAt'), '']
                .map((heading) => el('th', {scope: 'col'}, heading)))),
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
