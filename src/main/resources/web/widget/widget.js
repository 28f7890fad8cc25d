/*
 * Parley comment widget, mounted by embed.js with Parley.mount(host, config) in an open shadow root that only
 * widget.css styles. Requests go to the server the script came from, with the session cookie and the CSRF
 * token kept in memory. One file past 300 lines on purpose: one request, within the budget WidgetSizeTest sets.
 */
(() => {
    'use strict';

    // Every text the widget shows, in English, German and French.
    const LANGUAGES = ['en', 'de', 'fr'];
    const STRINGS = {
        one: ['1 comment', '1 Kommentar', '1 commentaire'],
        many: ['{n} comments', '{n} Kommentare', '{n} commentaires'],
        sort: ['Sort', 'Sortierung', 'Tri'],
        newest: ['Newest first', 'Neueste zuerst', 'Plus récents'],
        oldest: ['Oldest first', 'Älteste zuerst', 'Plus anciens'],
        respected: ['Most respected', 'Meistgeschätzte', 'Plus respectés'],
        guidelines: ['Community guidelines', 'Community-Richtlinien', 'Charte de la communauté'],
        join: [
            'Log in or sign up to join the conversation.',
            'Zum Mitdiskutieren anmelden oder registrieren.',
            'Connectez-vous ou inscrivez-vous pour participer.'],
        login: ['Log in', 'Anmelden', 'Se connecter'],
        signup: ['Sign up', 'Registrieren', 'S’inscrire'],
        logout: ['Log out', 'Abmelden', 'Se déconnecter'],
        signedIn: ['Signed in as {name}', 'Angemeldet als {name}', 'Connecté·e en tant que {name}'],
        email: ['E-mail', 'E-Mail', 'Courriel'],
        password: ['Password', 'Passwort', 'Mot de passe'],
        newPassword: [
            'Password (at least 10 characters)',
            'Passwort (mindestens 10 Zeichen)',
            'Mot de passe (10 caractères au moins)'],
        displayName: ['Display name', 'Anzeigename', 'Nom affiché'],
        yours: ['Your comment', 'Ihr Kommentar', 'Votre commentaire'],
        yourReply: ['Your reply to {name}', 'Ihre Antwort an {name}', 'Votre réponse à {name}'],
        yourEdit: ['Edit your comment', 'Kommentar bearbeiten', 'Modifier votre commentaire'],
        hint: [
            'Markdown: *italic*, **bold**, [link](https://…), `code`, > quote, - list',
            'Markdown: *kursiv*, **fett**, [Link](https://…), `Code`, > Zitat, - Liste',
            'Markdown : *italique*, **gras**, [lien](https://…), `code`, > citation, - liste'],
        preview: ['Preview', 'Vorschau', 'Aperçu'],
        post: ['Post comment', 'Kommentar senden', 'Publier'],
        save: ['Save', 'Speichern', 'Enregistrer'],
        cancel: ['Cancel', 'Abbrechen', 'Annuler'],
        postAnyway: ['Post anyway', 'Trotzdem senden', 'Publier quand même'],
        reply: ['Reply', 'Antworten', 'Répondre'],
        edit: ['Edit', 'Bearbeiten', 'Modifier'],
        delete: ['Delete', 'Löschen', 'Supprimer'],
        confirmDelete: ['Really delete?', 'Wirklich löschen?', 'Vraiment supprimer ?'],
        report: ['Report', 'Melden', 'Signaler'],
        reported: ['Reported', 'Gemeldet', 'Signalé'],
        respect: ['Respect', 'Respekt', 'Respect'],
        reason: ['Reason', 'Grund', 'Motif'],
        note: [
            'Note for the moderators (optional)',
            'Hinweis für die Moderation (freiwillig)',
            'Note pour la modération (facultatif)'],
        sendReport: ['Send report', 'Meldung senden', 'Envoyer le signalement'],
        thanks: [
            'Thank you, a moderator will look at it.',
            'Danke, die Moderation prüft den Kommentar.',
            'Merci, la modération va l’examiner.'],
        rude: ['Rude', 'Unhöflich', 'Impoli'],
        aggressive: ['Aggressive', 'Aggressiv', 'Agressif'],
        derogatory: ['Derogatory', 'Herabwürdigend', 'Dénigrant'],
        discriminatory: ['Discriminatory', 'Diskriminierend', 'Discriminatoire'],
        spam: ['Spam', 'Spam', 'Spam'],
        other: ['Other', 'Anderes', 'Autre'],
        removed: ['This comment was removed.', 'Dieser Kommentar wurde entfernt.', 'Ce commentaire a été retiré.'],
        replyingTo: ['replying to {name}', 'antwortet {name}', 'en réponse à {name}'],
        edited: ['edited', 'bearbeitet', 'modifié'],
        pending: ['Awaiting moderation', 'Wartet auf Freigabe', 'En attente de modération'],
        disagree: ['Disagree', 'Widerspreche', 'Pas d’accord'],
        featured: ['Featured', 'Empfohlen', 'À la une'],
        pendingNote: [
            'Thank you. Your comment is awaiting moderation.',
            'Danke. Ihr Kommentar wartet auf Freigabe.',
            'Merci. Votre commentaire est en attente de modération.'],
        rejected: [
            'Your comment was not published.',
            'Ihr Kommentar wurde nicht veröffentlicht.',
            'Votre commentaire n’a pas été publié.'],
        posted: ['Your comment was posted.', 'Ihr Kommentar wurde veröffentlicht.', 'Votre commentaire a été publié.'],
        saved: [
            'Your changes were saved.',
            'Ihre Änderungen wurden gespeichert.',
            'Vos modifications ont été enregistrées.'],
        deleted: ['The comment was deleted.', 'Der Kommentar wurde gelöscht.', 'Le commentaire a été supprimé.'],
        newComment: ['New comment by {name}.', 'Neuer Kommentar von {name}.', 'Nouveau commentaire de {name}.'],
        loadMore: ['Load more comments', 'Weitere Kommentare laden', 'Charger plus de commentaires'],
        empty: [
            'No comments yet. Start the conversation.',
            'Noch keine Kommentare. Eröffnen Sie das Gespräch.',
            'Pas encore de commentaires. Lancez la discussion.'],
        closed: [
            'Comments on this article are closed.',
            'Die Kommentare zu diesem Artikel sind geschlossen.',
            'Les commentaires sur cet article sont fermés.'],
        signInFirst: [
            'Please log in or sign up first.',
            'Bitte zuerst anmelden oder registrieren.',
            'Veuillez d’abord vous connecter ou vous inscrire.'],
        offline: [
            'The comment server could not be reached.',
            'Der Kommentar-Server ist nicht erreichbar.',
            'Le serveur de commentaires est injoignable.'],
        failed: [
            'Something went wrong (error {status}).',
            'Etwas ist schiefgegangen (Fehler {status}).',
            'Une erreur est survenue (erreur {status}).'],
        retry: [
            'Please try again in {s} seconds.',
            'Bitte in {s} Sekunden erneut versuchen.',
            'Veuillez réessayer dans {s} secondes.'],
    };
    const SORTS = ['newest', 'oldest', 'respected'];
    const REASONS = ['rude', 'aggressive', 'derogatory', 'discriminatory', 'spam', 'other'];
    const UNITS = [['year', 31536e3], ['month', 2592e3], ['week', 6048e2], ['day', 864e2], ['hour', 3600],
        ['minute', 60]];
    const state = {me: null, csrf: null, site: {}, story: {}, cursor: null, count: 0,
        respected: new Set(), reported: new Set(), disagreed: new Set()};
    // Set once by mount(): one widget per page.
    let config, language, relative, absolute, plural, shadow, live, heading, account, threadError, list, more;
    let composers = 0;

    /** Builds an element: props are attributes (on… adds a listener, html sets innerHTML), then children. */
    function h(tag, props, ...children) {
        const element = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
            if (value == null || value === false) continue;
            if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
            else if (key === 'html') element.innerHTML = value;
            else element.setAttribute(key === 'testid' ? 'data-testid' : key, value === true ? '' : value);
        }
        element.append(...children.flat(9).filter((child) => child != null && child !== false));
        return element;
    }

    const t = (key, values) => (STRINGS[key]?.[language] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name]);
    const query = (params) => new URLSearchParams(Object.entries(params).filter(([, value]) => value != null));
    const findItem = (id) => shadow.getElementById('c-' + id);
    const isOwn = (comment) => state.me && comment.author?.id === state.me.id;
    const thread = (extra) => query({site: config.site, url: config.url, ...extra});

    function mount(host, settings) {
        config = settings;
        language = Math.max(0, LANGUAGES.indexOf(config.lang));
        config.lang = LANGUAGES[language];
        relative = new Intl.RelativeTimeFormat(config.lang, {numeric: 'auto'});
        absolute = new Intl.DateTimeFormat(config.lang, {dateStyle: 'long', timeStyle: 'short'});
        plural = new Intl.PluralRules(config.lang);
        state.sort = SORTS.includes(config.sort) ? config.sort : 'newest';
        live = h('div', {class: 'sr', role: 'status', 'aria-live': 'polite', testid: 'live'});
        heading = h('h2', {tabindex: -1, testid: 'heading'});
        account = h('div', {class: 'account', testid: 'account'});
        threadError = h('p', {class: 'err', testid: 'error'});
        list = h('ol', {class: 'list', testid: 'comment-list'});
        more = h('button', {type: 'button', class: 'more', testid: 'load-more', hidden: true, onclick: loadMore},
            t('loadMore'));
        const sort = h('select', {testid: 'sort', onchange: () => { state.sort = sort.value; loadThread(); }},
            SORTS.map((value) => h('option', {value, selected: value === state.sort}, t(value))));
        const root = h('div', {class: 'p', lang: config.lang, hidden: true},
            live, h('div', {class: 'bar'}, heading, h('label', {class: 'sort'}, t('sort'), ' ', sort)),
            h('section', {class: 'guide', testid: 'guidelines', hidden: true}), account, threadError, list, more);
        const styles = h('link', {rel: 'stylesheet', href: config.base + 'widget/widget.css'});
        styles.onload = styles.onerror = () => { root.hidden = false; };
        shadow = host.shadowRoot || host.attachShadow({mode: 'open'});
        shadow.replaceChildren(styles, root);

        const dark = matchMedia('(prefers-color-scheme: dark)');
        const applyTheme = () => root.classList.toggle('dark',
            config.theme === 'dark' || (config.theme !== 'light' && dark.matches));
        dark.addEventListener('change', applyTheme);
        applyTheme();
        setInterval(() => shadow.querySelectorAll('time').forEach((time) => {
            time.textContent = ago(time.dateTime);
        }), 6e4);
        ssoStart().then(refresh).then(openStream);
    }

    // ---- talking to the server ----

    async function api(method, path, body) {
        const headers = {};
        if (body) headers['Content-Type'] = 'application/json';
        if (state.csrf && method !== 'GET') headers['X-Parley-CSRF'] = state.csrf;
        let response;
        try {
            response = await fetch(config.base + 'api/v1/' + path,
                {method, headers, credentials: 'include', body: body && JSON.stringify(body)});
        } catch {
            throw new Error(t('offline'));
        }
        const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
        if (response.ok) return data;
        let message = data.message || t('failed', {status: response.status});
        const wait = response.headers.get('Retry-After');
        if (response.status === 429 && wait && !message.includes(wait)) message += ' ' + t('retry', {s: wait});
        throw Object.assign(new Error(), data, {message, status: response.status});
    }

    function announce(message) {
        live.textContent = '';
        setTimeout(() => { live.textContent = message; }, 50);
    }

    /** Writes a message into a form's message area ("err" or "ok") and announces it. */
    function say(area, message, kind = 'err') {
        area.className = kind;
        area.textContent = message;
        announce(message);
    }

    function showError(area, failure, form) {
        say(area, failure.message);
        if (failure.status === 401 && state.me) signedOut();
        const field = form?.elements[failure.field];
        field?.setAttribute('aria-invalid', 'true');
        field?.focus();
    }

    /** Runs a form's request, one at a time, and shows its failure in the form's message area. */
    async function attempt(form, area, action) {
        if (form.busy) return;
        form.busy = true;
        area.textContent = '';
        form.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
        try {
            await action();
        } catch (failure) {
            showError(area, failure, form);
        }
        form.busy = false;
    }

    // ---- publisher sign-in (SSO); log-in and log-out links to the publisher's pages ----

    function ssoStart() {
        window.parley = {setSsoToken: (token) => ssoSignIn(token).then(refresh)};
        account.addEventListener('click', (event) => {
            const id = event.target.dataset.testid, out = id == 'logout';
            const url = out ? config.logoutUrl : /^open/.test(id) && config.loginUrl;
            if (url) {
                event.stopPropagation();
                Promise.resolve(out && api('POST', 'auth/logout').catch(Boolean)).then(() => location.assign(url));
            }
        }, true);
        return config.ssoToken ? ssoSignIn(config.ssoToken).catch(loadMe) : loadMe();
    }

    const ssoSignIn = (token) => api('POST', 'auth/sso', {site: config.site, token})
        .then((data) => Object.assign(state, {me: data.user, csrf: data.csrf}));

    // ---- account ----

    async function loadMe() {
        const data = await api('GET', 'me').catch(() => ({}));
        state.me = data.user;
        state.csrf = data.csrf;
        state.warning = data.warning;
    }

    async function signedIn(data) {
        state.me = data.user;
        state.csrf = data.csrf;
        await refresh();
        announce(t('signedIn', {name: data.user.displayName}));
        account.querySelector('textarea')?.focus();
    }

    async function signedOut() {
        state.me = state.csrf = null;
        await refresh();
        account.querySelector('button').focus();
    }

    async function logOut() {
        await api('POST', 'auth/logout').catch((failure) => announce(failure.message));
        signedOut();
    }

    function renderAccount() {
        const closed = state.story.status === 'closed' && h('p', {}, t('closed'));
        if (state.me) {
            const notice = state.warning && h('p', {class: 'nudge', role: 'alert', testid: 'warning'}, state.warning,
                ' ', h('button', {type: 'button', onclick: () => api('DELETE', 'me/warning').then(() => {
                    state.warning = null;
                    notice.remove();
                })}, 'OK'));
            account.replaceChildren(notice || '', h('p', {class: 'who'},
                t('signedIn', {name: state.me.displayName}), ' ',
                h('button', {type: 'button', class: 'link', testid: 'logout', onclick: logOut}, t('logout'))),
            closed || composer({onDone: insertComment}));
            return;
        }
        const slot = h('div');
        const opener = (kind) => h('button', {type: 'button', testid: 'open-' + kind, 'aria-expanded': 'false',
            onclick: (event) => {
                account.querySelectorAll('[aria-expanded]').forEach((button) =>
                    button.setAttribute('aria-expanded', button === event.currentTarget));
                slot.replaceChildren(authForm(kind));
                slot.querySelector('input').focus();
            }}, t(kind));
        account.replaceChildren(closed || '',
            h('p', {class: 'who'}, t('join'), ' ', opener('login'), ' ', opener('signup')), slot);
    }

    function authForm(kind) {
        const fields = kind === 'signup' ? ['displayName', 'email', 'password'] : ['email', 'password'];
        const area = h('p', {class: 'err', testid: 'error'});
        const form = h('form', {class: 'form', testid: kind + '-form', onsubmit: (event) => {
            event.preventDefault();
            const body = Object.fromEntries(fields.map((field) => [field, form.elements[field].value]));
            attempt(form, area, async () => signedIn(await api('POST', 'auth/' + kind, body)));
        }},
        fields.map((field) => h('label', {}, t(kind === 'signup' && field === 'password' ? 'newPassword' : field),
            h('input', {name: field, testid: kind + '-' + field, required: true,
                maxlength: field === 'displayName' ? 50 : 200,
                type: field === 'displayName' ? 'text' : field,
                minlength: kind === 'signup' && field === 'password' ? 10 : null,
                autocomplete: field === 'displayName' ? 'nickname'
                    : field === 'email' ? 'email' : kind === 'signup' ? 'new-password' : 'current-password'}))),
        area, h('button', {class: 'primary', testid: kind + '-submit'}, t(kind)));
        return form;
    }

    /** True when signed in; else asks the reader to sign in. */
    function requireSignIn(area) {
        if (state.me) return true;
        say(area, t('signInFirst'));
        account.querySelector('button').focus();
        return false;
    }

    // ---- the thread ----

    async function loadThread() {
        try {
            const [page, viewer] = await Promise.all([
                api('GET', 'threads?' + thread({title: config.title, sort: state.sort, limit: 20})),
                state.me ? api('GET', 'threads/viewer?' + thread()).catch(() => ({})) : {},
            ]);
            state.site = page.site || {};
            state.story = page.story || {};
            state.respected = new Set(viewer.respected);
            state.reported = new Set(viewer.reported);
            state.disagreed = new Set(viewer.disagreed);
            const guidelines = shadow.querySelector('.guide');
            guidelines.hidden = !state.site.guidelines;
            guidelines.replaceChildren(h('h3', {}, t('guidelines')), h('p', {}, state.site.guidelines));
            setCount(state.story.commentCount || 0);
            list.replaceChildren(...page.comments.map(renderComment));
            showMore(page.nextCursor);
            threadError.textContent = '';
        } catch (failure) {
            showError(threadError, failure);
        }
    }

    /** Loads the thread and renders the account area (sign-in forms or the comment box) to match. */
    async function refresh() {
        await loadThread();
        renderAccount();
    }

    async function loadMore() {
        try {
            const page = await api('GET', 'threads?' + thread({sort: state.sort, limit: 20, cursor: state.cursor}));
            const items = page.comments.filter((comment) => !findItem(comment.id)).map(renderComment);
            list.append(...items);
            showMore(page.nextCursor);
            items[0]?.querySelector('article').focus();
        } catch (failure) {
            showError(threadError, failure);
        }
    }

    function showMore(cursor) {
        state.cursor = cursor;
        more.hidden = !cursor;
    }

    function setCount(count) {
        state.count = Math.max(0, count);
        heading.textContent = plural.select(state.count) === 'one'
            ? t('one').replace('1', state.count) : t('many', {n: state.count});
        list.dataset.empty = t('empty');
    }

    function ago(iso) {
        const seconds = (Date.parse(iso) - Date.now()) / 1000;
        const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) || ['second', 1e9];
        return relative.format(Math.round(seconds / size), unit);
    }

    function renderComment(comment) {
        return h('li', {class: 'c', id: 'c-' + comment.id, testid: 'comment', 'data-comment-id': comment.id},
            renderArticle(comment), h('ol', {class: 'replies'}, (comment.replies || []).map(renderComment)));
    }

    function renderArticle(comment) {
        if (comment.status === 'removed' || !comment.author) {
            return h('article', {tabindex: -1}, h('p', {class: 'gone', testid: 'comment-removed'}, t('removed')));
        }
        const slot = h('div', {class: 'slot'});
        const area = h('p', {class: 'err', testid: 'error'});
        return h('article', {tabindex: -1, 'aria-label': comment.author.displayName,
            class: comment.featured && 'featured'},
            h('header', {},
                h('b', {testid: 'comment-author'}, comment.author.displayName),
                comment.replyTo && h('span', {}, t('replyingTo', {name: comment.replyTo.displayName})),
                h('time', {datetime: comment.createdAt, title: absolute.format(new Date(comment.createdAt))},
                    ago(comment.createdAt)),
                comment.editedAt && h('span', {title: absolute.format(new Date(comment.editedAt))}, t('edited')),
                comment.status === 'pending' && h('span', {class: 'badge', testid: 'pending'}, t('pending')),
                comment.featured && h('span', {class: 'badge'}, t('featured'))),
            h('div', {class: 'body', testid: 'comment-body', html: comment.html}),
            h('footer', {class: 'actions'}, actionsFor(comment, slot, area)),
            area, slot);
    }

    function actionsFor(comment, slot, area) {
        const own = isOwn(comment);
        const open = state.story.status !== 'closed';
        const action = (name, handler, props, ...more) => h('button', {type: 'button', testid: name, ...props,
            onclick: (event) => handler(comment, event.currentTarget, slot, area)}, t(name), more);
        return [
            action('respect', toggleRespect, {class: 'respect', disabled: own,
                'aria-pressed': String(state.respected.has(comment.id))},
            ' ', h('span', {testid: 'respect-count'}, comment.respectCount || 0)),
            open && action('reply', openReply),
            own && open && Date.parse(comment.editableUntil) > Date.now() && action('edit', openEdit),
            own && action('delete', deleteComment, {onblur: (event) => disarm(event.currentTarget)}),
            !own && state.me && action('disagree', toggleDisagree,
                {'aria-pressed': String(state.disagreed.has(comment.id))}),
            !own && action(state.reported.has(comment.id) ? 'reported' : 'report', openReport,
                {testid: 'report', disabled: state.reported.has(comment.id)}),
        ];
    }

    /** Puts a comment into the thread, or refreshes it; returns its list item. */
    function insertComment(comment) {
        const existing = findItem(comment.id);
        if (existing) {
            existing.querySelector('article').replaceWith(renderArticle(comment));
            return existing;
        }
        const item = renderComment(comment);
        const parent = comment.parentId && findItem(comment.parentId);
        if (parent) parent.querySelector('.replies').append(item);
        else if (state.sort === 'newest') list.prepend(item);
        else list.append(item);
        setCount(state.count + 1);
        return item;
    }

    /** Takes a comment out; one with replies leaves a placeholder. */
    function removeComment(comment) {
        const item = findItem(comment.id);
        if (!item) return;
        if (item.querySelector('.replies').children.length) {
            item.querySelector('article').replaceWith(renderArticle({...comment, author: null}));
        } else {
            item.remove();
        }
        setCount(state.count - 1);
    }

    // ---- actions on a comment ----

    /** Private to the reader, never a report. */
    async function toggleDisagree(comment, button, slot, area) {
        try {
            const on = (await api('POST', `comments/${comment.id}/disagree`)).disagreed;
            state.disagreed[on ? 'add' : 'delete'](comment.id);
            button.setAttribute('aria-pressed', on);
        } catch (failure) {
            showError(area, failure);
        }
    }

    async function toggleRespect(comment, button, slot, area) {
        if (!requireSignIn(area)) return;
        try {
            const result = await api('POST', `comments/${comment.id}/respect`);
            comment.respectCount = result.respectCount;
            state.respected[result.respected ? 'add' : 'delete'](comment.id);
            button.setAttribute('aria-pressed', result.respected);
            button.lastChild.textContent = result.respectCount;
            area.textContent = '';
        } catch (failure) {
            showError(area, failure);
        }
    }

    function openReply(comment, button, slot, area) {
        if (requireSignIn(area)) {
            openInSlot(slot, button, composer({parent: comment, onCancel: () => closeSlot(slot, button),
                onDone: (reply) => closeSlot(slot, button) || insertComment(reply)}));
        }
    }

    function openEdit(comment, button, slot) {
        openInSlot(slot, button, composer({comment, onDone: insertComment, onCancel: () => closeSlot(slot, button)}));
    }

    function openReport(comment, button, slot, area) {
        if (!requireSignIn(area)) return;
        const message = h('p', {class: 'err', testid: 'error'});
        const form = h('form', {class: 'form', testid: 'report-form', onsubmit: (event) => {
            event.preventDefault();
            attempt(form, message, () => sendReport(comment, form));
        }},
        h('label', {}, t('reason'), h('select', {name: 'reason', testid: 'report-reason'},
            REASONS.map((reason) => h('option', {value: reason}, t(reason))))),
        h('label', {}, t('note'), h('textarea', {name: 'note', testid: 'report-note', rows: 2, maxlength: 500})),
        message, buttons(h('button', {class: 'primary', testid: 'report-submit'}, t('sendReport')),
            () => closeSlot(slot, button)));
        openInSlot(slot, button, form);
    }

    async function sendReport(comment, form) {
        try {
            await api('POST', `comments/${comment.id}/reports`,
                {reason: form.elements.reason.value, note: form.elements.note.value.trim() || undefined});
        } catch (failure) {
            if (failure.error !== 'already_reported') throw failure;
        }
        state.reported.add(comment.id);
        const item = insertComment(comment);
        item.querySelector('article').focus();
        say(item.querySelector('.slot').appendChild(h('p', {testid: 'report-done'})), t('thanks'), 'ok');
    }

    async function deleteComment(comment, button, slot, area) {
        if (!button.dataset.armed) {
            button.dataset.armed = 1;
            button.textContent = t('confirmDelete');
            announce(t('confirmDelete'));
            return;
        }
        try {
            await api('DELETE', 'comments/' + comment.id);
            removeComment(comment);
            announce(t('deleted'));
            heading.focus();
        } catch (failure) {
            disarm(button);
            showError(area, failure);
        }
    }

    function disarm(button) {
        delete button.dataset.armed;
        button.textContent = t('delete');
    }

    function openInSlot(slot, button, content) {
        content.onkeydown = (event) => {
            if (event.key === 'Escape') closeSlot(slot, button);
        };
        slot.replaceChildren(content);
        button.setAttribute('aria-expanded', 'true');
        content.querySelector('textarea, select').focus();
    }

    function closeSlot(slot, button) {
        slot.replaceChildren();
        button.setAttribute('aria-expanded', 'false');
        button.focus();
    }

    const buttons = (submit, onCancel, ...others) => h('div', {class: 'buttons'}, submit, others,
        onCancel && h('button', {type: 'button', testid: 'cancel', onclick: onCancel}, t('cancel')));

    // ---- the comment box: new comments, replies and edits ----

    function composer({parent, comment, onDone, onCancel}) {
        const area = h('p', {class: 'err', testid: 'error'});
        const preview = h('div', {class: 'body preview', testid: 'preview', hidden: true});
        const nudge = h('div', {class: 'nudge', testid: 'nudge', hidden: true});
        const hint = 'hint' + ++composers;
        const input = h('textarea', {name: 'body', testid: 'comment-input', rows: 4, required: true,
            maxlength: state.site.maxBodyLength, 'aria-describedby': hint, oninput: () => showPreview()});
        input.value = comment ? comment.body ?? markdownOf(comment.html) : '';
        const previewButton = h('button', {type: 'button', testid: 'preview-button', 'aria-pressed': 'false',
            onclick: () => (preview.hidden ? attempt(form, area, async () =>
                showPreview((await api('POST', 'preview', {body: input.value})).html)) : showPreview())}, t('preview'));
        const form = h('form', {class: 'form', testid: comment ? 'edit-form' : parent ? 'reply-form' : 'comment-form',
            onsubmit: (event) => {
                event.preventDefault();
                submit(form.revised);
            }},
        h('label', {},
            comment ? t('yourEdit') : parent ? t('yourReply', {name: parent.author.displayName}) : t('yours'), input),
        h('small', {id: hint}, t('hint')), preview, nudge, area,
        buttons(h('button', {class: 'primary', testid: 'submit-comment'}, comment ? t('save') : t('post')),
            onCancel, previewButton));

        /** Shows the server's rendering of the text, or hides the preview when there is none. */
        function showPreview(html) {
            preview.hidden = html == null;
            preview.innerHTML = html || '';
            previewButton.setAttribute('aria-pressed', !preview.hidden);
        }

        function submit(revised) {
            attempt(form, area, async () => {
                const body = input.value;
                try {
                    published(comment
                        ? await api('PATCH', 'comments/' + comment.id, {body})
                        : await api('POST', 'comments', {site: config.site, url: config.url, title: config.title,
                            parentId: parent?.id, body, revised: revised || undefined}));
                } catch (failure) {
                    if (failure.error !== 'guideline_nudge') throw failure;
                    form.revised = true;
                    showNudge(nudge, failure, body, () => submit(true));
                    announce(failure.message);
                }
            });
        }

        function published(result) {
            if (result.status === 'rejected') {
                say(area, [t('rejected'), ...(result.reasons || []).map((reason) => reason.message)].join(' '));
                return;
            }
            input.value = '';
            form.revised = false;
            nudge.hidden = true;
            showPreview();
            onDone(result.comment).querySelector('article').focus();
            const message = result.status === 'pending' ? t('pendingNote') : comment ? t('saved') : t('posted');
            if (parent || comment) announce(message);
            else say(area, message, 'ok');
        }

        return form;
    }

    /** Shows the nudge: the server's words, the flagged passages marked, and "post anyway". */
    function showNudge(box, failure, body, postAnyway) {
        const parts = [];
        let position = 0;
        for (const span of [...(failure.spans || [])].sort((a, b) => a.start - b.start)) {
            if (span.start < position) continue;
            parts.push(body.slice(position, span.start),
                h('mark', {title: t(span.category)}, body.slice(span.start, span.end)));
            position = span.end;
        }
        parts.push(body.slice(position));
        box.replaceChildren(h('p', {}, failure.message), h('blockquote', {testid: 'nudge-text'}, parts),
            h('button', {type: 'button', testid: 'post-anyway', onclick: postAnyway}, t('postAnyway')));
        box.hidden = false;
    }

    /** The Markdown a sanitized comment was probably written in: the text an edit starts from. */
    function markdownOf(html) {
        const walk = (node) => [...node.childNodes].map((child) => {
            const inner = child.nodeType === 1 ? walk(child) : child.textContent;
            const within = node.tagName;
            return {
                P: inner + '\n\n', EM: `*${inner}*`, STRONG: `**${inner}**`, BR: '\n',
                CODE: within === 'PRE' ? inner : `\`${inner}\``, PRE: '```\n' + inner.trim() + '\n```\n\n',
                A: `[${inner}](${child.getAttribute?.('href')})`, UL: inner + '\n', OL: inner + '\n',
                LI: (within === 'OL' ? '1. ' : '- ') + inner.trim() + '\n',
                BLOCKQUOTE: inner.trim().replace(/^/gm, '> ') + '\n\n',
            }[child.tagName] ?? inner;
        }).join('');
        return walk(h('template', {html}).content).trim();
    }

    // ---- live updates, when the server streams them ----

    function openStream() {
        if (!window.EventSource) return;
        const source = new EventSource(config.base + 'api/v1/stream?' + thread(), {withCredentials: true});
        let opened = false;
        source.onopen = () => { opened = true; };
        source.onerror = () => {
            if (!opened) source.close();
        };
        ['published', 'edited', 'removed'].forEach((name) => source.addEventListener('comment.' + name, (event) => {
            const {comment} = JSON.parse(event.data);
            if (name === 'removed') removeComment(comment);
            else if (findItem(comment.id)) name === 'edited' && insertComment(comment);
            else if (name === 'published' && !isOwn(comment)) {
                insertComment(comment);
                announce(t('newComment', {name: comment.author?.displayName}));
            }
        }));
    }

    window.Parley = {mount};
})();
