/*
 * Parley comment widget: the thread under an article, mounted by embed.js as Parley.mount(host, config).
 *
 * Everything renders into an open shadow root on the host element, styled only by widget.css, so the
 * publisher's CSS cannot reach it. All requests go to the Parley server the script came from, with the
 * session cookie (credentials: 'include') and, once signed in, the CSRF token kept in memory.
 * Plain JavaScript with no build step and no dependencies; WidgetSizeTest keeps it within its gzip budget.
 */
(() => {
    'use strict';

    const STRINGS = {
        en: {
            one: '1 comment', many: '{n} comments', sort: 'Sort', newest: 'Newest first', oldest: 'Oldest first',
            respected: 'Most respected', guidelines: 'Community guidelines',
            join: 'Log in or sign up to join the conversation.', login: 'Log in', signup: 'Sign up',
            logout: 'Log out', signedIn: 'Signed in as {name}', email: 'E-mail', password: 'Password',
            newPassword: 'Password (at least 10 characters)', displayName: 'Display name',
            yours: 'Your comment', yourReply: 'Your reply to {name}', yourEdit: 'Edit your comment',
            hint: 'Markdown works: *italic*, **bold**, [link](https://…), `code`, > quote, - list',
            preview: 'Preview', post: 'Post comment', save: 'Save', cancel: 'Cancel', postAnyway: 'Post anyway',
            reply: 'Reply', edit: 'Edit', delete: 'Delete', confirmDelete: 'Really delete?', report: 'Report',
            reported: 'Reported', respect: 'Respect', reason: 'Reason', note: 'Note for the moderators (optional)',
            sendReport: 'Send report', thanks: 'Thank you. A moderator will look at this comment.',
            rude: 'Rude', aggressive: 'Aggressive', derogatory: 'Derogatory', discriminatory: 'Discriminatory',
            spam: 'Spam', other: 'Other', removed: 'This comment was removed.', replyingTo: 'replying to {name}',
            edited: 'edited', pending: 'Awaiting moderation', featured: 'Featured',
            pendingNote: 'Thank you. Your comment is awaiting moderation.',
            rejected: 'Your comment was not published.', posted: 'Your comment was posted.',
            saved: 'Your changes were saved.', deleted: 'The comment was deleted.', newComment: 'New comment by {name}.',
            loadMore: 'Load more comments', empty: 'No comments yet. Start the conversation.',
            closed: 'Comments on this article are closed.', signInFirst: 'Please log in or sign up first.',
            offline: 'The comment server could not be reached. Please try again.',
            failed: 'Something went wrong (error {status}).', retry: 'Please try again in {s} seconds.',
        },
        de: {
            one: '1 Kommentar', many: '{n} Kommentare', sort: 'Sortierung', newest: 'Neueste zuerst',
            oldest: 'Älteste zuerst', respected: 'Meistgeschätzte', guidelines: 'Community-Richtlinien',
            join: 'Melden Sie sich an oder registrieren Sie sich, um mitzudiskutieren.', login: 'Anmelden',
            signup: 'Registrieren', logout: 'Abmelden', signedIn: 'Angemeldet als {name}', email: 'E-Mail',
            password: 'Passwort', newPassword: 'Passwort (mindestens 10 Zeichen)', displayName: 'Anzeigename',
            yours: 'Ihr Kommentar', yourReply: 'Ihre Antwort an {name}', yourEdit: 'Kommentar bearbeiten',
            hint: 'Markdown geht: *kursiv*, **fett**, [Link](https://…), `Code`, > Zitat, - Liste',
            preview: 'Vorschau', post: 'Kommentar senden', save: 'Speichern', cancel: 'Abbrechen',
            postAnyway: 'Trotzdem senden', reply: 'Antworten', edit: 'Bearbeiten', delete: 'Löschen',
            confirmDelete: 'Wirklich löschen?', report: 'Melden', reported: 'Gemeldet', respect: 'Respekt',
            reason: 'Grund', note: 'Hinweis für die Moderation (freiwillig)', sendReport: 'Meldung senden',
            thanks: 'Danke. Die Moderation sieht sich diesen Kommentar an.', rude: 'Unhöflich',
            aggressive: 'Aggressiv', derogatory: 'Herabwürdigend', discriminatory: 'Diskriminierend',
            spam: 'Spam', other: 'Anderes', removed: 'Dieser Kommentar wurde entfernt.',
            replyingTo: 'antwortet {name}', edited: 'bearbeitet', pending: 'Wartet auf Freigabe',
            featured: 'Empfohlen', pendingNote: 'Danke. Ihr Kommentar wartet auf Freigabe.',
            rejected: 'Ihr Kommentar wurde nicht veröffentlicht.', posted: 'Ihr Kommentar wurde veröffentlicht.',
            saved: 'Ihre Änderungen wurden gespeichert.', deleted: 'Der Kommentar wurde gelöscht.',
            newComment: 'Neuer Kommentar von {name}.', loadMore: 'Weitere Kommentare laden',
            empty: 'Noch keine Kommentare. Eröffnen Sie das Gespräch.',
            closed: 'Die Kommentare zu diesem Artikel sind geschlossen.',
            signInFirst: 'Bitte melden Sie sich zuerst an oder registrieren Sie sich.',
            offline: 'Der Kommentar-Server ist nicht erreichbar. Bitte versuchen Sie es noch einmal.',
            failed: 'Etwas ist schiefgegangen (Fehler {status}).',
            retry: 'Bitte versuchen Sie es in {s} Sekunden noch einmal.',
        },
        fr: {
            one: '1 commentaire', many: '{n} commentaires', sort: 'Tri', newest: 'Plus récents',
            oldest: 'Plus anciens', respected: 'Plus respectés', guidelines: 'Charte de la communauté',
            join: 'Connectez-vous ou inscrivez-vous pour participer.', login: 'Se connecter',
            signup: 'S’inscrire', logout: 'Se déconnecter', signedIn: 'Connecté·e en tant que {name}',
            email: 'Courriel', password: 'Mot de passe', newPassword: 'Mot de passe (10 caractères au moins)',
            displayName: 'Nom affiché', yours: 'Votre commentaire', yourReply: 'Votre réponse à {name}',
            yourEdit: 'Modifier votre commentaire',
            hint: 'Markdown possible : *italique*, **gras**, [lien](https://…), `code`, > citation, - liste',
            preview: 'Aperçu', post: 'Publier', save: 'Enregistrer', cancel: 'Annuler',
            postAnyway: 'Publier quand même', reply: 'Répondre', edit: 'Modifier', delete: 'Supprimer',
            confirmDelete: 'Vraiment supprimer ?', report: 'Signaler', reported: 'Signalé', respect: 'Respect',
            reason: 'Motif', note: 'Note pour la modération (facultatif)', sendReport: 'Envoyer le signalement',
            thanks: 'Merci. La modération va examiner ce commentaire.', rude: 'Impoli', aggressive: 'Agressif',
            derogatory: 'Dénigrant', discriminatory: 'Discriminatoire', spam: 'Spam', other: 'Autre',
            removed: 'Ce commentaire a été retiré.', replyingTo: 'en réponse à {name}', edited: 'modifié',
            pending: 'En attente de modération', featured: 'À la une',
            pendingNote: 'Merci. Votre commentaire est en attente de modération.',
            rejected: 'Votre commentaire n’a pas été publié.', posted: 'Votre commentaire a été publié.',
            saved: 'Vos modifications ont été enregistrées.', deleted: 'Le commentaire a été supprimé.',
            newComment: 'Nouveau commentaire de {name}.', loadMore: 'Charger plus de commentaires',
            empty: 'Pas encore de commentaires. Lancez la discussion.',
            closed: 'Les commentaires sur cet article sont fermés.',
            signInFirst: 'Veuillez d’abord vous connecter ou vous inscrire.',
            offline: 'Le serveur de commentaires est injoignable. Veuillez réessayer.',
            failed: 'Une erreur est survenue (erreur {status}).', retry: 'Veuillez réessayer dans {s} secondes.',
        },
    };
    const SORTS = ['newest', 'oldest', 'respected'];
    const REASONS = ['rude', 'aggressive', 'derogatory', 'discriminatory', 'spam', 'other'];
    const UNITS = [['year', 31536e3], ['month', 2592e3], ['week', 6048e2], ['day', 864e2], ['hour', 3600], ['minute', 60]];
    const EVENTS = ['published', 'edited', 'removed'];

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

    /** The Markdown a sanitized comment was probably written in: the text an edit starts from. */
    function markdownOf(html) {
        const template = h('template', {html});
        const walk = (node) => [...node.childNodes].map((child) => {
            const inner = child.nodeType === 1 ? walk(child) : child.textContent;
            const within = child.parentNode.tagName;
            return {
                P: inner + '\n\n', EM: `*${inner}*`, STRONG: `**${inner}**`, BR: '\n',
                CODE: within === 'PRE' ? inner : `\`${inner}\``, PRE: '```\n' + inner.trim() + '\n```\n\n',
                A: `[${inner}](${child.getAttribute?.('href')})`, UL: inner + '\n', OL: inner + '\n',
                LI: (within === 'OL' ? '1. ' : '- ') + inner.trim() + '\n',
                BLOCKQUOTE: inner.trim().replace(/^/gm, '> ') + '\n\n',
            }[child.tagName] ?? inner;
        }).join('');
        return walk(template.content).trim();
    }

    function mount(host, config) {
        const strings = STRINGS[config.lang] || STRINGS.en;
        const t = (key, values) => (strings[key] ?? STRINGS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name]);
        const relative = new Intl.RelativeTimeFormat(config.lang, {numeric: 'auto'});
        const absolute = new Intl.DateTimeFormat(config.lang, {dateStyle: 'long', timeStyle: 'short'});
        const plural = new Intl.PluralRules(config.lang);
        const darkQuery = matchMedia('(prefers-color-scheme: dark)');
        let composers = 0;
        const state = {
            me: null, csrf: null, site: {}, story: {}, cursor: null, count: 0,
            sort: SORTS.includes(config.sort) ? config.sort : 'newest', respected: new Set(), reported: new Set(),
        };

        const shadow = host.shadowRoot || host.attachShadow({mode: 'open'});
        const live = h('div', {class: 'sr', role: 'status', 'aria-live': 'polite', testid: 'live'});
        const heading = h('h2', {tabindex: -1, testid: 'heading'});
        const sortSelect = h('select', {testid: 'sort', onchange: () => { state.sort = sortSelect.value; loadThread(); }},
            SORTS.map((sort) => h('option', {value: sort, selected: sort === state.sort}, t(sort))));
        const guidelines = h('section', {class: 'guide', testid: 'guidelines', hidden: true});
        const account = h('div', {class: 'account', testid: 'account'});
        const threadError = h('p', {class: 'err', testid: 'error'});
        const list = h('ol', {class: 'list', testid: 'comment-list'});
        const more = h('button', {type: 'button', class: 'more', testid: 'load-more', hidden: true, onclick: loadMore},
            t('loadMore'));
        const root = h('div', {class: 'p', lang: config.lang, hidden: true},
            live, h('div', {class: 'bar'}, heading, h('label', {class: 'sort'}, t('sort'), ' ', sortSelect)),
            guidelines, account, threadError, list, more);
        const styles = h('link', {rel: 'stylesheet', href: config.base + 'widget/widget.css'});
        styles.onload = styles.onerror = () => { root.hidden = false; };
        shadow.replaceChildren(styles, root);

        const applyTheme = () => root.classList.toggle('dark',
            config.theme === 'dark' || (config.theme !== 'light' && darkQuery.matches));
        darkQuery.addEventListener('change', applyTheme);
        applyTheme();
        setInterval(() => shadow.querySelectorAll('time').forEach((time) => { time.textContent = ago(time.dateTime); }), 6e4);

        // ---- talking to the server ----

        const query = (params) => new URLSearchParams(
            Object.entries(params).filter(([, value]) => value != null)).toString();

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
            throw Object.assign(new Error(message), data, {message, status: response.status});
        }

        function announce(message) {
            live.textContent = '';
            setTimeout(() => { live.textContent = message; }, 50);
        }

        function showError(area, failure, form) {
            area.textContent = failure.message;
            announce(failure.message);
            if (failure.status === 401 && state.me) signedOut();
            const field = form?.elements[failure.field];
            if (field) {
                field.setAttribute('aria-invalid', 'true');
                field.focus();
            }
        }

        /** Runs a form's request once at a time, showing its failure in the form's error area. */
        async function attempt(form, area, action) {
            if (form.busy) return;
            form.busy = true;
            form.setAttribute('aria-busy', 'true');
            area.textContent = '';
            area.className = 'err';
            form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
            try {
                await action();
            } catch (failure) {
                showError(area, failure, form);
            } finally {
                form.busy = false;
                form.removeAttribute('aria-busy');
            }
        }

        // ---- account ----

        async function loadMe() {
            try {
                const data = await api('GET', 'me');
                state.me = data.user;
                state.csrf = data.csrf;
            } catch {
                state.me = null;
            }
        }

        async function signedIn(data) {
            state.me = data.user;
            state.csrf = data.csrf;
            await loadThread();
            announce(t('signedIn', {name: data.user.displayName}));
            shadow.querySelector('.account textarea')?.focus();
        }

        async function signedOut() {
            state.me = state.csrf = null;
            state.respected.clear();
            state.reported.clear();
            await loadThread();
            account.querySelector('button')?.focus();
        }

        function renderAccount() {
            if (state.me) {
                account.replaceChildren(
                    h('p', {class: 'who'}, t('signedIn', {name: state.me.displayName}), ' ',
                        h('button', {type: 'button', class: 'link', testid: 'logout', onclick: logOut}, t('logout'))),
                    state.story.status === 'closed' ? h('p', {}, t('closed')) : composer({onDone: insertComment}));
                return;
            }
            const formSlot = h('div');
            const show = (kind, button) => {
                account.querySelectorAll('[aria-expanded]').forEach((other) => other.setAttribute('aria-expanded', other === button));
                formSlot.replaceChildren(authForm(kind));
                formSlot.querySelector('input').focus();
            };
            const opener = (kind) => h('button', {type: 'button', testid: 'open-' + kind, 'aria-expanded': 'false',
                onclick: (event) => show(kind, event.currentTarget)}, t(kind));
            account.replaceChildren(h('p', {class: 'who'}, t('join'), ' ', opener('login'), ' ', opener('signup')), formSlot);
        }

        async function logOut() {
            try {
                await api('POST', 'auth/logout');
            } catch (failure) {
                announce(failure.message);
            }
            signedOut();
        }

        function authForm(kind) {
            const fields = kind === 'signup' ? ['displayName', 'email', 'password'] : ['email', 'password'];
            const error = h('p', {class: 'err', testid: 'error'});
            const form = h('form', {class: 'form', testid: kind + '-form', onsubmit: (event) => {
                event.preventDefault();
                const body = Object.fromEntries(fields.map((field) => [field, form.elements[field].value]));
                attempt(form, error, async () => signedIn(await api('POST', 'auth/' + kind, body)));
            }},
            fields.map((field) => h('label', {},
                t(kind === 'signup' && field === 'password' ? 'newPassword' : field),
                h('input', {name: field, testid: kind + '-' + field, required: true, maxlength: 200,
                    type: field === 'displayName' ? 'text' : field,
                    minlength: kind === 'signup' && field === 'password' ? 10 : null,
                    autocomplete: field === 'displayName' ? 'nickname'
                        : field === 'email' ? 'email' : kind === 'signup' ? 'new-password' : 'current-password'}))),
            error,
            h('button', {class: 'primary', testid: kind + '-submit'}, t(kind)));
            return form;
        }

        /** Asks a reader who is not signed in to sign in first; true when they are signed in. */
        function requireSignIn(area) {
            if (state.me) return true;
            area.textContent = t('signInFirst');
            announce(t('signInFirst'));
            account.querySelector('button').focus();
            return false;
        }

        // ---- the thread ----

        async function loadThread() {
            const params = {site: config.site, url: config.url};
            try {
                const [thread, viewer] = await Promise.all([
                    api('GET', 'threads?' + query({...params, title: config.title, sort: state.sort, limit: 20})),
                    state.me ? api('GET', 'threads/viewer?' + query(params)).catch(() => ({})) : {},
                ]);
                state.site = thread.site || {};
                state.story = thread.story || {};
                state.respected = new Set(viewer.respected);
                state.reported = new Set(viewer.reported);
                guidelines.hidden = !state.site.guidelines;
                guidelines.replaceChildren(h('h3', {}, t('guidelines')), h('p', {}, state.site.guidelines));
                setCount(state.story.commentCount || 0);
                list.replaceChildren(...thread.comments.map(renderComment));
                showMore(thread.nextCursor);
                threadError.textContent = '';
            } catch (failure) {
                showError(threadError, failure);
            }
            renderAccount();
        }

        async function loadMore() {
            try {
                const thread = await api('GET', 'threads?' + query({site: config.site, url: config.url,
                    sort: state.sort, limit: 20, cursor: state.cursor}));
                const items = thread.comments.filter((comment) => !findItem(comment.id)).map(renderComment);
                list.append(...items);
                showMore(thread.nextCursor);
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

        const timeOf = (iso) => h('time', {datetime: iso, title: absolute.format(new Date(iso))}, ago(iso));
        const findItem = (id) => shadow.getElementById('c-' + id);
        const isOwn = (comment) => state.me && comment.author?.id === state.me.id;

        function renderComment(comment) {
            return h('li', {class: 'c', id: 'c-' + comment.id, testid: 'comment', 'data-comment-id': comment.id},
                renderArticle(comment), h('ol', {class: 'replies'}, (comment.replies || []).map(renderComment)));
        }

        function renderArticle(comment) {
            if (comment.status === 'removed' || !comment.author) {
                return h('article', {tabindex: -1}, h('p', {class: 'gone', testid: 'comment-removed'}, t('removed')));
            }
            const slot = h('div', {class: 'slot'});
            const error = h('p', {class: 'err', testid: 'error'});
            return h('article', {tabindex: -1, 'aria-label': comment.author.displayName, class: comment.featured ? 'featured' : null},
                h('header', {},
                    h('b', {testid: 'comment-author'}, comment.author.displayName),
                    comment.replyTo && h('span', {class: 'to'}, t('replyingTo', {name: comment.replyTo.displayName})),
                    timeOf(comment.createdAt),
                    comment.editedAt && h('span', {title: absolute.format(new Date(comment.editedAt))}, t('edited')),
                    comment.status === 'pending' && h('span', {class: 'badge', testid: 'pending'}, t('pending')),
                    comment.featured && h('span', {class: 'badge'}, t('featured'))),
                h('div', {class: 'body', testid: 'comment-body', html: comment.html}),
                h('footer', {class: 'actions'}, actionsFor(comment, slot, error)),
                error, slot);
        }

        function actionsFor(comment, slot, error) {
            const own = isOwn(comment);
            const open = state.story.status !== 'closed';
            const action = (name, handler, props) => h('button', {type: 'button', testid: name, ...props,
                onclick: (event) => handler(comment, event.currentTarget, slot, error)}, t(name));
            return [
                h('button', {type: 'button', class: 'respect', testid: 'respect', disabled: own,
                    'aria-pressed': String(state.respected.has(comment.id)),
                    onclick: (event) => toggleRespect(comment, event.currentTarget, error)},
                t('respect'), ' ', h('span', {testid: 'respect-count'}, comment.respectCount || 0)),
                open && action('reply', openReply),
                own && open && Date.parse(comment.editableUntil) > Date.now() && action('edit', openEdit),
                own && action('delete', deleteComment, {onblur: (event) => disarm(event.currentTarget)}),
                !own && (state.reported.has(comment.id)
                    ? h('button', {type: 'button', disabled: true, testid: 'report'}, t('reported'))
                    : action('report', openReport)),
            ];
        }

        /** Puts a comment into the thread, or refreshes it when it is there already. */
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

        /** Takes a comment out of the thread; one with replies leaves a placeholder that keeps them in place. */
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

        async function toggleRespect(comment, button, error) {
            if (!requireSignIn(error)) return;
            try {
                const result = await api('POST', `comments/${comment.id}/respect`);
                comment.respectCount = result.respectCount;
                state.respected[result.respected ? 'add' : 'delete'](comment.id);
                button.setAttribute('aria-pressed', String(result.respected));
                button.lastChild.textContent = result.respectCount;
                error.textContent = '';
            } catch (failure) {
                showError(error, failure);
            }
        }

        function openReply(comment, button, slot, error) {
            if (!requireSignIn(error)) return;
            openInSlot(slot, button, composer({parent: comment, onDone: (reply) => {
                closeSlot(slot, button);
                return insertComment(reply);
            }, onCancel: () => closeSlot(slot, button)}));
        }

        function openEdit(comment, button, slot) {
            openInSlot(slot, button, composer({comment, onDone: (edited) => insertComment(edited),
                onCancel: () => closeSlot(slot, button)}));
        }

        function openReport(comment, button, slot, error) {
            if (!requireSignIn(error)) return;
            const area = h('p', {class: 'err', testid: 'error'});
            const form = h('form', {class: 'form', testid: 'report-form', onsubmit: (event) => {
                event.preventDefault();
                attempt(form, area, () => sendReport(comment, form, slot));
            }},
            h('label', {}, t('reason'), h('select', {name: 'reason', testid: 'report-reason', required: true},
                REASONS.map((reason) => h('option', {value: reason}, t(reason))))),
            h('label', {}, t('note'), h('textarea', {name: 'note', testid: 'report-note', rows: 2, maxlength: 500})),
            area,
            h('div', {class: 'buttons'},
                h('button', {class: 'primary', testid: 'report-submit'}, t('sendReport')),
                h('button', {type: 'button', testid: 'cancel', onclick: () => closeSlot(slot, button)}, t('cancel'))));
            openInSlot(slot, button, form);
        }

        async function sendReport(comment, form, slot) {
            try {
                await api('POST', `comments/${comment.id}/reports`,
                    {reason: form.elements.reason.value, note: form.elements.note.value.trim() || undefined});
            } catch (failure) {
                if (failure.error !== 'already_reported') throw failure;
            }
            state.reported.add(comment.id);
            const item = insertComment(comment);
            item.querySelector('.slot').replaceChildren(h('p', {class: 'ok', testid: 'report-done'}, t('thanks')));
            item.querySelector('article').focus();
            announce(t('thanks'));
        }

        async function deleteComment(comment, button, slot, error) {
            if (!button.dataset.armed) {
                button.dataset.armed = 'true';
                button.textContent = t('confirmDelete');
                return;
            }
            try {
                await api('DELETE', 'comments/' + comment.id);
                removeComment(comment);
                announce(t('deleted'));
                heading.focus();
            } catch (failure) {
                disarm(button);
                showError(error, failure);
            }
        }

        function disarm(button) {
            delete button.dataset.armed;
            button.textContent = t('delete');
        }

        function openInSlot(slot, button, content) {
            slot.replaceChildren(content);
            button.setAttribute('aria-expanded', 'true');
            content.querySelector('textarea, select').focus();
        }

        function closeSlot(slot, button) {
            slot.replaceChildren();
            button.setAttribute('aria-expanded', 'false');
            button.focus();
        }

        // ---- the comment box: new comments, replies and edits ----

        function composer({parent, comment, onDone, onCancel}) {
            const area = h('p', {class: 'err', testid: 'error'});
            const hintId = 'hint' + ++composers;
            const preview = h('div', {class: 'body preview', testid: 'preview', hidden: true});
            const nudge = h('div', {class: 'nudge', testid: 'nudge', hidden: true});
            const input = h('textarea', {name: 'body', testid: 'comment-input', rows: 4, required: true,
                maxlength: state.site.maxBodyLength, 'aria-describedby': hintId, oninput: hidePreview});
            input.value = comment ? comment.body ?? markdownOf(comment.html) : '';
            const previewButton = h('button', {type: 'button', testid: 'preview-button', 'aria-pressed': 'false',
                onclick: () => togglePreview(form, previewButton, preview, area)}, t('preview'));
            const form = h('form', {class: 'form compose', testid: comment ? 'edit-form' : parent ? 'reply-form' : 'comment-form',
                onsubmit: (event) => {
                    event.preventDefault();
                    submit();
                }},
            h('label', {}, comment ? t('yourEdit') : parent ? t('yourReply', {name: parent.author.displayName}) : t('yours'),
                input),
            h('small', {id: hintId}, t('hint')),
            preview, nudge, area,
            h('div', {class: 'buttons'},
                h('button', {class: 'primary', testid: 'submit-comment'}, comment ? t('save') : t('post')),
                previewButton,
                onCancel && h('button', {type: 'button', testid: 'cancel', onclick: onCancel}, t('cancel'))));

            function hidePreview() {
                preview.hidden = true;
                previewButton.setAttribute('aria-pressed', 'false');
            }

            function submit(revised = form.revised) {
                attempt(form, area, async () => {
                    const body = input.value;
                    try {
                        const result = comment
                            ? await api('PATCH', 'comments/' + comment.id, {body})
                            : await api('POST', 'comments', {site: config.site, url: config.url, title: config.title,
                                parentId: parent?.id, body, revised: revised || undefined});
                        published(result);
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
                    area.textContent = [t('rejected'), ...(result.reasons || []).map((reason) => reason.message)].join(' ');
                    announce(area.textContent);
                    return;
                }
                const message = result.status === 'pending' ? t('pendingNote') : comment ? t('saved') : t('posted');
                input.value = '';
                form.revised = false;
                nudge.hidden = true;
                hidePreview();
                const item = onDone(result.comment);
                if (!parent && !comment) {
                    area.className = 'ok';
                    area.textContent = message;
                }
                item.querySelector('article').focus();
                announce(message);
            }

            return form;
        }

        async function togglePreview(form, button, preview, area) {
            if (!preview.hidden) {
                preview.hidden = true;
                button.setAttribute('aria-pressed', 'false');
                return;
            }
            await attempt(form, area, async () => {
                const result = await api('POST', 'preview', {body: form.elements.body.value});
                preview.innerHTML = result.html;
                preview.hidden = false;
                button.setAttribute('aria-pressed', 'true');
            });
        }

        /** Shows the guideline nudge: the server's words, the flagged passages marked, and a way to post anyway. */
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

        // ---- live updates ----

        function openStream() {
            if (!window.EventSource) return;
            const source = new EventSource(config.base + 'api/v1/stream?' + query({site: config.site, url: config.url}),
                {withCredentials: true});
            let opened = false;
            source.onopen = () => { opened = true; };
            source.onerror = () => opened || source.close();
            EVENTS.forEach((name) => source.addEventListener('comment.' + name, (event) => {
                const {comment} = JSON.parse(event.data);
                if (name === 'removed') return removeComment(comment);
                if (name === 'edited') return findItem(comment.id) && insertComment(comment);
                if (findItem(comment.id)) return;
                insertComment(comment);
                announce(t('newComment', {name: comment.author?.displayName}));
            }));
        }

        loadMe().then(loadThread).then(openStream);
    }

    window.Parley = {mount};
})();
