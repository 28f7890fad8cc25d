/*
 * Sign-in with OpenID providers, under a site's settings: the providers the site offers (client id, issuer, and
 * whether a secret is set; the secret itself never comes back), a form to add or change one, and the redirect URI
 * to register with each provider. Only admins may save; the API's refusal shows otherwise.
 */
import {ApiError, patch} from './api.js';
import {announce, el, showStatus, statusLine} from './dom.js';
import {t} from './i18n.js';

const WELL_KNOWN = ['google', 'microsoft', 'apple'];

/** The providers' section of the settings of {@code site}, from the settings answer {@code view}. */
export function oidcSection(site, view) {
    const section = el('section', {class: 'settings-form', testid: 'oidc-settings', 'aria-labelledby': 'oidc-heading'});
    const status = statusLine('oidc-status');
    const save = async (changes, message) => {
        try {
            const next = await patch(`/api/v1/moderation/sites/${encodeURIComponent(site)}/settings`, {oidc: changes});
            section.replaceWith(oidcSection(site, next));
            announce(message);
        } catch (error) {
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
        }
    };
    const input = (name, props = {}) => el('input', {name, id: 'oidc-' + name, testid: 'oidc-' + name,
        autocomplete: 'off', ...props});
    const form = el('form', {testid: 'oidc-form'},
        el('div', {class: 'field'}, el('label', {for: 'oidc-provider'}, t('oidc.provider')),
            input('provider', {list: 'oidc-known', required: true, pattern: '[a-z0-9][a-z0-9-]{0,29}'}),
            el('datalist', {id: 'oidc-known'}, WELL_KNOWN.map((name) => el('option', {value: name})))),
        el('div', {class: 'field'}, el('label', {for: 'oidc-issuer'}, t('oidc.issuer')),
            input('issuer', {type: 'url', placeholder: t('oidc.issuerHint')})),
        el('div', {class: 'field'}, el('label', {for: 'oidc-clientId'}, t('oidc.clientId')), input('clientId')),
        el('div', {class: 'field'}, el('label', {for: 'oidc-clientSecret'}, t('oidc.clientSecret')),
            input('clientSecret', {type: 'password', placeholder: t('oidc.secretHint')})),
        el('div', {class: 'form-actions'}, el('button', {type: 'submit', testid: 'oidc-save'}, t('oidc.save')), status));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const value = (name) => form.elements[name].value.trim() || undefined;
        save({[value('provider')]: {issuer: value('issuer'), clientId: value('clientId'),
            clientSecret: value('clientSecret')}}, t('oidc.saved'));
    });
    section.append(el('h3', {id: 'oidc-heading'}, t('oidc.heading')),
        el('p', {}, t('oidc.redirect'), ' ', el('code', {testid: 'oidc-redirect'}, view.oidcRedirectUri)),
        view.oidc.length ? el('ul', {testid: 'oidc-providers'}, view.oidc.map((client) =>
            el('li', {testid: 'oidc-provider-' + client.provider}, el('strong', {}, client.provider), ' ',
                client.clientId, ' · ', client.issuer, ' · ', t(client.secretSet ? 'oidc.secretSet' : 'oidc.secretUnset'),
                ' ', el('button', {type: 'button', class: 'link', testid: 'oidc-remove-' + client.provider,
                    onclick: () => save({[client.provider]: null}, t('oidc.removed'))}, t('oidc.remove')))))
            : el('p', {}, t('oidc.none')),
        form);
    return section;
}
