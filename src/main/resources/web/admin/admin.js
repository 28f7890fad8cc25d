/*
 * Parley's moderation dashboard: signs a moderator in, picks a site and shows one view at a time: the overview,
 * the queues, the search, the stories, notices, appeals, the transparency report, the log, the settings or
 * (admins) the site's models and webhooks, and the sites, their moderators and API tokens. The URL hash (#site=demo&view=queue&queue=pending) names the view, so a reload or a shared
 * link opens the same place.
 */
import {ApiError, get, post, rememberCsrf} from './api.js';
import {el, useVocabulary} from './dom.js';
import {chooseLanguage, label, language, LANGUAGES, t, translatePage} from './i18n.js';
import {showQueue} from './queue.js';
import {showLog} from './log.js';
import {showSettings} from './settings.js';
import {showOverview} from './overview.js';
import {showModels} from './models.js';
import {showWebhooks} from './webhooks.js';
import {showSites} from './sites.js';
import {showTransparency} from './transparency.js';
import {showNotices} from './notices.js';
import {showStories} from './stories.js';
import {showAppeals} from './appeals.js';
import {showSearch} from './search.js';

const VIEWS = {overview: showOverview, queue: showQueue, log: showLog, settings: showSettings, models: showModels,
    webhooks: showWebhooks, sites: showSites, transparency: showTransparency, notices: showNotices,
    stories: showStories, appeals: showAppeals, search: showSearch};
const session = {user: null, sites: []};
let stopView = null;

const byId = (id) => document.getElementById(id);

async function start() {
    translatePage();
    const picker = byId('lang-picker');
    picker.replaceChildren(...Object.entries(LANGUAGES).map(([value, name]) =>
        el('option', {value, selected: value === language}, name)));
    picker.addEventListener('change', () => chooseLanguage(picker.value));
    byId('sign-in-form').addEventListener('submit', signIn);
    byId('sign-out').addEventListener('click', signOut);
    byId('site-picker').addEventListener('change', (event) => navigate({site: event.target.value}));
    document.querySelector('.skip').addEventListener('click', skipToContent);
    window.addEventListener('hashchange', route);
    try {
        const me = await get('/api/v1/me');
        rememberCsrf(me.csrf);
        await enter(me.user);
    } catch (error) {
        if (error.status !== 401) throw error;
        showSignIn();
    }
}

async function signIn(event) {
    event.preventDefault();
    const form = event.target;
    const error = byId('sign-in-error');
    error.textContent = '';
    try {
        const answer = await post('/api/v1/auth/login', {email: form.email.value, password: form.password.value});
        rememberCsrf(answer.csrf);
        form.reset();
        await enter(answer.user);
    } catch (failure) {
        error.textContent = failure instanceof ApiError ? failure.message : String(failure);
    }
}

async function signOut() {
    await post('/api/v1/auth/logout').catch(() => null);
    rememberCsrf(null);
    session.user = null;
    showSignIn();
}

/** Shows the views for a signed-in account, or says it moderates nothing. */
async function enter(user) {
    const {sites, categories, bands} = await get('/api/v1/moderation/sites');
    useVocabulary({categories, bands});
    if (sites.length === 0) {
        showSignIn(t('noSites', {name: user.displayName, email: user.email}));
        return;
    }
    session.user = user;
    listSites(sites);
    byId('signed-in-as').textContent = t('signedInAs', {name: user.displayName, role: label('role', user.role)});
    byId('sign-in').hidden = true;
    byId('account').hidden = false;
    byId('tabs').hidden = false;
    document.querySelectorAll('[data-admin-only]').forEach((tab) => {
        tab.hidden = user.role !== 'admin';
    });
    route();
}

function listSites(sites) {
    session.sites = sites;
    byId('site-picker').replaceChildren(...sites.map((site) => el('option', {value: site.id}, site.name)));
}

/** After an admin creates or renames a site: the picker lists it. */
async function refreshSites() {
    listSites((await get('/api/v1/moderation/sites')).sites);
    byId('site-picker').value = currentPlace().site;
}

function showSignIn(note) {
    stopCurrentView();
    byId('view').replaceChildren();
    byId('account').hidden = true;
    byId('tabs').hidden = true;
    byId('sign-in').hidden = false;
    const noteLine = byId('sign-in-note');
    noteLine.hidden = !note;
    noteLine.textContent = note || '';
    byId('sign-in-email').focus();
}

/** Where the hash points, with defaults filled in. */
function currentPlace() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const siteIds = session.sites.map((site) => site.id);
    const site = siteIds.includes(params.get('site')) ? params.get('site') : siteIds[0];
    const view = VIEWS[params.get('view')] ? params.get('view') : 'queue';
    return {site, view, queue: params.get('queue') || 'pending'};
}

/** Changes part of the location; the hashchange event then shows it. */
export function navigate(change) {
    const next = {...currentPlace(), ...change};
    const params = new URLSearchParams({site: next.site, view: next.view});
    if (next.view === 'queue') params.set('queue', next.queue);
    window.location.hash = params.toString();
}

function route() {
    if (!session.user) return;
    const place = currentPlace();
    byId('site-picker').value = place.site;
    for (const tab of byId('tabs').querySelectorAll('a')) {
        tab.href = '#' + new URLSearchParams({site: place.site, view: tab.dataset.view});
        if (tab.dataset.view === place.view) tab.setAttribute('aria-current', 'page');
        else tab.removeAttribute('aria-current');
    }
    stopCurrentView();
    const container = byId('view');
    container.replaceChildren();
    stopView = VIEWS[place.view](container, {...place, user: session.user, onCounts: showPendingBadge,
        onSitesChanged: refreshSites});
}

function stopCurrentView() {
    if (typeof stopView === 'function') stopView();
    stopView = null;
}

function showPendingBadge(counts) {
    byId('pending-badge').textContent = counts.pending ? String(counts.pending) : '';
}

function skipToContent(event) {
    event.preventDefault();
    byId('main').focus();
}

start();
