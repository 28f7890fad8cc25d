/*
 * Staff badges, for admins, below the sites: per site, who wears which badge (journalist, staff, moderator) beside
 * their name in the site's threads; a badge given by e-mail address or account id, and taken off again. The
 * thread pages carry the badges, so a change shows there within a minute (cached pages expire).
 */
import {get, remove, request} from './api.js';
import {el} from './dom.js';
import {t} from './i18n.js';

const SITES = '/api/v1/admin/sites';
const KINDS = ['journalist', 'staff', 'moderator'];

/** The badges section, for the sites the admin may manage; {@code act} runs a change and says how it went. */
export function badgesSection(act) {
    const site = el('select', {testid: 'badge-site', 'aria-label': t('site'), onchange: () => reload()});
    const rows = el('tbody', {testid: 'badge-rows'});
    const who = el('input', {testid: 'badge-account', 'aria-label': t('badges.account'),
        placeholder: t('sites.moderatorPlaceholder')});
    const kind = el('select', {testid: 'badge-kind', 'aria-label': t('badges.badge')},
        KINDS.map((code) => el('option', {value: code}, t('badges.' + code))));
    const path = (account) => `${SITES}/${encodeURIComponent(site.value)}/badges/${encodeURIComponent(account)}`;

    /** A change through the Sites view's {@code act} (which says how it went), then the badges again. */
    const change = async (action, message) => {
        if (await act(action, message)) await reload();
    };

    async function reload() {
        if (!site.value) {
            const {sites} = await get(SITES);
            site.replaceChildren(...sites.map((each) => el('option', {value: each.id}, each.name)));
        }
        const {badges} = await get(`${SITES}/${encodeURIComponent(site.value)}/badges`);
        rows.replaceChildren(...badges.map((badge) => el('tr', {testid: 'badge-row'},
            el('td', {}, badge.displayName), el('td', {}, badge.email), el('td', {}, t('badges.' + badge.badge)),
            el('td', {}, el('button', {type: 'button', class: 'link', testid: 'remove-badge', onclick: () =>
                change(() => remove(path(badge.accountId)), t('badges.removed', {name: badge.displayName}))},
            t('badges.remove'))))));
    }

    const section = el('section', {class: 'badges', 'aria-labelledby': 'badges-heading'},
        el('h3', {id: 'badges-heading'}, t('badges.heading')), el('p', {}, t('badges.about')),
        el('p', {}, site, ' ', who, ' ', kind, ' ', el('button', {type: 'button', testid: 'give-badge',
            onclick: () => change(() => request('PUT', path(who.value.trim()), {badge: kind.value}),
                t('badges.given'))}, t('badges.give'))),
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            [t('badges.name'), t('badges.email'), t('badges.badge'), ''].map((heading) =>
                el('th', {scope: 'col'}, heading)))), rows)));
    reload().catch(() => {});
    return section;
}
