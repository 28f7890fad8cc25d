/*
 * Parley comment widget, mounted by embed.js with Parley.mount(host, config) in an open shadow root that only
 * widget.css styles. Requests go to the server the script came from, with the session cookie and the CSRF
 * token kept in memory. Texts come from the language bundle embed.js fetched (/i18n/widget.LANG.json); the
 * forms a reader opens now and then (account, report, the text an edit starts from) live in forms.js, the notice
 * of illegal content in notice.js and the editor's picks above the thread in picks.js, each imported on first use.
 * Nothing here needs inline scripts or styles, so the widget runs under a host page's strict
 * Content-Security-Policy. One file past 300
 * lines on purpose: one request, within the budget WidgetSizeTest sets.
 */
(() => {
    'use strict';

    const SORTS = ['newest', 'oldest', 'respected'];
    const UNITS = [['year', 31536e3], ['month', 2592e3], ['week', 6048e2], ['day', 864e2], ['hour', 3600],
        ['minute', 60]];
    const state = {me: null, csrf: null, site: {}, story: {}, cursor: null, count: 0, fresh: [],
        respected: new Set(), reported: new Set(), disagreed: new Set(), muted: new Set(), c: {}};
    // Set once by mount(): one widget per page.
    let config, strings, relative, absolute, plural, number, shadow, live, heading, account, threadError, list, more,
        fresh, picks, mine;
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

    /** The text for a key in the reader's language; {name} takes values[name], numbers localized; plural forms by n. */
    function t(key, values = {}) {
        const text = strings[key] ?? key;
        return (text.other ? text[plural.select(values.n)] ?? text.other : text).replace(/\{(\w+)\}/g,
            (_, name) => (typeof values[name] === 'number' ? number.format(values[name]) : values[name]));
    }

    const query = (params) => new URLSearchParams(Object.entries(params).filter(([, value]) => value != null));
    const findItem = (id) => shadow.getElementById('c-' + id);
    const isOwn = (comment) => state.me && comment.author?.id === state.me.id;
    const thread = (extra) => query({site: config.site, url: config.url, ...extra});
    /** Closed by a moderator, or by the site's rule once closesAt has passed (a cached page may predate it). */
    const isClosed = () => state.story.status === 'closed' || Date.parse(state.story.closesAt) <= Date.now();

    async function mount(host, settings) {
        config = settings;
        strings = await config.strings.catch(() => ({}));
        relative = new Intl.RelativeTimeFormat(config.lang, {numeric: 'auto'});
        absolute = new Intl.DateTimeFormat(config.lang, {dateStyle: 'long', timeStyle: 'short'});
        plural = new Intl.PluralRules(config.lang);
        number = new Intl.NumberFormat(config.lang);
        state.sort = SORTS.includes(config.sort) ? config.sort : 'newest';
        live = h('div', {class: 'sr', role: 'status', 'aria-live': 'polite', testid: 'live'});
        heading = h('h2', {tabindex: -1, testid: 'heading'});
        account = h('div', {class: 'account', testid: 'account'});
        threadError = h('p', {class: 'err', testid: 'error'});
        mine = h('section', {class: 'guide', testid: 'mine', hidden: true});
        list = h('ol', {class: 'list', testid: 'comment-list'});
        picks = h('section', {class: 'picks', testid: 'picks', hidden: true});
        more = h('button', {type: 'button', class: 'more', testid: 'load-more', hidden: true, onclick: loadMore},
            t('loadMore'));
        fresh = h('button', {type: 'button', class: 'more', testid: 'new-comments', hidden: true, onclick: showFresh});
        const sort = h('select', {testid: 'sort', onchange: () => { state.sort = sort.value; loadThread(); }},
            SORTS.map((value) => h('option', {value, selected: value === state.sort}, t(value))));
        const root = h('div', {class: 'p', lang: config.lang, dir: /^(ar|fa|he|ur)$/.test(config.lang) ? 'rtl' : 'ltr',
            hidden: true},
            live, h('div', {class: 'bar'}, heading, h('label', {class: 'sort'}, t('sort'), ' ', sort)),
            h('section', {class: 'guide', testid: 'guidelines', hidden: true}), account, mine, picks, threadError,
            fresh, list, more);
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
        // challenge.js solves the proof of work the server asks for; then the form goes again
        if (data.error == 'challenge_required' && !body.altcha) {
            const [work] = await Promise.all([import(config.base + 'widget/challenge.js'), withMoreTexts()]);
            return api(method, path, {...body, altcha: await work.solve(config.base, body.site, announce, t)});
        }
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

    /**
     * The texts of the parts imported on first use come in a second bundle (widget-more.LANG.json), fetched once
     * with the first of them and merged into the widget's texts, so that every reader downloads less.
     */
    let moreTexts;
    function withMoreTexts() {
        moreTexts ||= fetch(config.base + 'i18n/widget-more.' + config.lang + '.json')
            .then((response) => response.json()).then((more) => Object.assign(strings, more))
            .catch(() => { moreTexts = null; });
        return moreTexts;
    }

    /** Builds a part of a module imported on first use (forms.js, notice.js) with what it needs from the widget. */
    async function partOf(file, name, ...args) {
        const [forms] = await Promise.all([import(config.base + 'widget/' + file), withMoreTexts()])
            .catch((failure) => {
                announce(t('offline'));
                throw failure;
            });
        return forms[name]({h, t, api, attempt, say, announce, buttons, state, signedIn, signedOut, insertComment,
            refresh, thread},
            ...args);
    }
    const part = (name, ...args) => partOf('forms.js', name, ...args);

    /** Opens an account form or menu in a slot; the opener's aria-expanded follows. */
    async function openAccountPart(slot, opener, name, file = 'forms.js') {
        account.querySelectorAll('[aria-expanded]').forEach((button) =>
            button.setAttribute('aria-expanded', button === opener));
        slot.replaceChildren(await partOf(file, name));
        slot.querySelector('input, button').focus();
    }

    function renderAccount() {
        const closed = isClosed() && h('p', {}, t('closed'));
        if (!state.me) {
            renderSignIn(closed);
            return;
        }
        const notice = state.warning && h('p', {class: 'nudge', role: 'alert', testid: 'warning'}, state.warning,
            ' ', h('button', {type: 'button', onclick: () => api('DELETE', 'me/warning').then(() => {
                state.warning = null;
                notice.remove();
            })}, 'OK'));
        const slot = h('div');
        account.replaceChildren(notice || '', h('p', {class: 'who'},
            t('signedIn', {name: state.me.displayName}), ' ',
            h('button', {type: 'button', class: 'link', testid: 'open-account', 'aria-expanded': 'false',
                onclick: (event) => openAccountPart(slot, event.currentTarget, 'menu')}, t('account')), ' ',
            h('button', {type: 'button', class: 'link', testid: 'logout', onclick: logOut}, t('logout')), ' ',
            h('button', {type: 'button', class: 'link', testid: 'open-community', 'aria-expanded': 'false',
                onclick: (event) => openAccountPart(slot, event.currentTarget, 'menu', 'community.js')},
            t('community'), state.c.newReplies > 0 && h('span', {class: 'badge', testid: 'replies-badge'},
                number.format(state.c.newReplies)))),
        slot, closed || composer({onDone: insertComment}));
    }

    /**
     * The signed-out reader's way in: log in or sign up with the forms of forms.js; where the site takes guest
     * comments, also the comment box with name and e-mail fields.
     */
    function renderSignIn(closed) {
        const slot = h('div');
        const opener = (kind) => h('button', {type: 'button', testid: 'open-' + kind, 'aria-expanded': 'false',
            onclick: (event) => openAccountPart(slot, event.currentTarget, kind)}, t(kind));
        account.replaceChildren(closed || '',
            h('p', {class: 'who'}, t('join'), ' ', opener('login'), ' ', opener('signup')), slot,
            !closed && state.site.guests ? composer({onDone: insertComment}) : '');
    }

    /** True when signed in (or, with {@code guests}, when the site takes guest comments); else asks to sign in. */
    function requireSignIn(area, guests) {
        if (state.me || (guests && state.site.guests)) return true;
        say(area, t('signInFirst'));
        account.querySelector('button').focus();
        return false;
    }

    // ---- the thread ----

    async function loadThread() {
        try {
            const [page, viewer, mine] = await Promise.all([
                api('GET', 'threads?' + thread({title: config.title, sort: state.sort, limit: 20})),
                ...['threads/viewer?', 'me/community?'].map((path) =>
                    state.me ? api('GET', path + thread()).catch(() => ({})) : {}),
            ]);
            state.site = page.site || {};
            state.story = page.story || {};
            state.respected = new Set(viewer.respected);
            state.reported = new Set(viewer.reported);
            state.disagreed = new Set(viewer.disagreed);
            state.c = mine;
            state.muted = new Set(mine.muted);
            const guidelines = shadow.querySelector('.guide');
            guidelines.hidden = !state.site.guidelines;
            guidelines.replaceChildren(h('h3', {}, t('guidelines')), h('p', {}, state.site.guidelines));
            setCount(state.story.commentCount || 0);
            list.replaceChildren(...page.comments.map(renderComment));
            showPicks(page.picks || []);
            state.fresh = [];
            showFreshCount();
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
        showMine();
    }

    /** The reader's own comments waiting or refused, with why and an appeal: statement.js, loaded when needed. */
    const showMine = () => (state.me ? api('GET', 'me/restricted-comments?' + thread()) : Promise.resolve({}))
        .then(async ({comments}) => comments?.[0] ? (await Promise.all([import(config.base + 'widget/statement.js'),
            withMoreTexts()]))[0].mine({h, t, api, attempt, announce, buttons, lang: config.lang}, mine, comments)
            : (mine.hidden = true), Boolean);

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

    /** Editor's picks above the thread, rendered by picks.js (imported only when there are some). */
    async function showPicks(items) {
        picks.hidden = !items.length;
        const module = items.length && (await Promise.all([import(config.base + 'widget/picks.js'),
            withMoreTexts()]).catch(() => [null]))[0];
        picks.replaceChildren(...(module ? module.render({h, t, findItem, loadMore, announce, state}, items) : []));
    }

    function showMore(cursor) {
        state.cursor = cursor;
        more.hidden = !cursor;
    }

    function setCount(count) {
        state.count = Math.max(0, count);
        heading.textContent = t('comments', {n: state.count});
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
        if (state.muted.has(comment.author.id) && !comment.shown) {
            return h('article', {tabindex: -1}, h('p', {class: 'gone', testid: 'comment-muted'}, t('muted'), ' ',
                h('button', {type: 'button', class: 'link', testid: 'show-muted', onclick: (event) =>
                    event.currentTarget.closest('article').replaceWith(renderArticle({...comment, shown: 1}))},
                t('show'))));
        }
        return h('article', {tabindex: -1, 'aria-label': comment.author.displayName,
            class: comment.featured && 'featured'},
            h('header', {},
                h('button', {type: 'button', class: 'link who', testid: 'comment-author', onclick: () =>
                    partOf('community.js', 'author', comment, slot)}, comment.author.displayName),
                state.site.badges?.[comment.author.id] && h('span', {class: 'badge', testid: 'staff-badge'},
                    t(state.site.badges[comment.author.id])),
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
        const open = !isClosed();
        const action = (name, handler, props, ...more) => h('button', {type: 'button', testid: name, ...props,
            onclick: (event) => handler(comment, event.currentTarget, slot, area)}, t(name), more);
        return [
            action('respect', toggleRespect, {class: 'respect', disabled: own,
                'aria-pressed': String(state.respected.has(comment.id))},
            ' ', h('span', {testid: 'respect-count'}, number.format(comment.respectCount || 0))),
            open && action('reply', openReply),
            own && open && Date.parse(comment.editableUntil) > Date.now() && action('edit', openEdit),
            own && action('delete', deleteComment, {onblur: (event) => disarm(event.currentTarget)}),
            !own && state.me && action('disagree', toggleDisagree,
                {'aria-pressed': String(state.disagreed.has(comment.id))}),
            !own && action(state.reported.has(comment.id) ? 'reported' : 'report', openReport,
                {testid: 'report', disabled: state.reported.has(comment.id)}),
            !own && action('reportIllegal', openNotice, {testid: 'report-illegal'}),
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
            button.lastChild.textContent = number.format(result.respectCount);
            area.textContent = '';
        } catch (failure) {
            showError(area, failure);
        }
    }

    function openReply(comment, button, slot, area) {
        if (requireSignIn(area, true)) {
            openInSlot(slot, button, composer({parent: comment, onCancel: () => closeSlot(slot, button),
                onDone: (reply) => closeSlot(slot, button) || insertComment(reply)}));
        }
    }

    async function openEdit(comment, button, slot) {
        openInSlot(slot, button, composer({comment, text: await part('markdownOf', comment.html),
            onDone: insertComment, onCancel: () => closeSlot(slot, button)}));
    }

    async function openReport(comment, button, slot, area) {
        if (requireSignIn(area)) openInSlot(slot, button, await part('report', comment, () => closeSlot(slot, button)));
    }

    /** A notice of illegal content (DSA Art. 16): open to signed-out readers too. */
    async function openNotice(comment, button, slot) {
        openInSlot(slot, button, await partOf('notice.js', 'notice', comment, () => closeSlot(slot, button)));
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

    function composer({parent, comment, text, onDone, onCancel}) {
        const area = h('p', {class: 'err', testid: 'error'});
        const preview = h('div', {class: 'body preview', testid: 'preview', hidden: true});
        const nudge = h('div', {class: 'nudge', testid: 'nudge', hidden: true});
        const hint = 'hint' + ++composers;
        const guest = !state.me && !comment && ['name', 'email'].map((field) => h('label', {}, t('guest.' + field),
            h('input', {name: field, testid: 'guest-' + field, type: field === 'name' ? 'text' : field,
                required: true, maxlength: field === 'name' ? 50 : 200, autocomplete: field === 'name' ? 'nickname'
                    : field})));
        guest && guest.push(h('input', {name: 'homepage', class: 'hp', tabindex: -1, autocomplete: 'off', 'aria-hidden': 'true'}));
        const input = h('textarea', {name: 'body', testid: 'comment-input', rows: 4, required: true,
            maxlength: state.site.maxBodyLength, 'aria-describedby': hint, oninput: () => showPreview()});
        input.value = text || '';
        const previewButton = h('button', {type: 'button', testid: 'preview-button', 'aria-pressed': 'false',
            onclick: () => (preview.hidden ? attempt(form, area, async () =>
                showPreview((await api('POST', 'preview', {body: input.value})).html)) : showPreview())}, t('preview'));
        const form = h('form', {class: 'form', testid: comment ? 'edit-form' : parent ? 'reply-form' : 'comment-form',
            onsubmit: (event) => {
                event.preventDefault();
                submit(form.revised);
            }},
        guest, h('label', {},
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
                            parentId: parent?.id, body, revised: revised || undefined, guest: guest
                                ? {name: form.elements.name.value, email: form.elements.email.value} : undefined,
                            homepage: form.elements.homepage?.value}));
                } catch (failure) {
                    if (failure.error !== 'guideline_nudge') throw failure;
                    form.revised = true;
                    showNudge(nudge, failure, body, () => submit(true));
                    announce(failure.message);
                }
            });
        }

        function published(result) {
            if (result.status !== 'published') showMine();
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

    // ---- live updates, when the server streams them ----

    function openStream() {
        if (!window.EventSource) return;
        const source = new EventSource(config.base + 'api/v1/stream?' + thread(), {withCredentials: true});
        let opened = false;
        source.onopen = () => { opened = live.dataset.connected = 1; };
        source.onerror = () => {
            if (!opened) source.close();
        };
        ['published', 'edited', 'removed'].forEach((name) => source.addEventListener('comment.' + name, (event) => {
            const {comment} = JSON.parse(event.data);
            const waiting = state.fresh.some((other) => other.id === comment.id);
            if (waiting || (name === 'published' && !findItem(comment.id) && !isOwn(comment))) {
                state.fresh = state.fresh.filter((other) => other.id !== comment.id);
                if (name !== 'removed') state.fresh.push(comment);
                showFreshCount();
            } else if (name === 'removed') removeComment(comment);
            // A reader's own edit shows from the PATCH answer; re-rendering it again would take the focus away.
            else if (name === 'edited' && findItem(comment.id) && !isOwn(comment)) insertComment(comment);
        }));
    }

    /** Others' new comments wait behind the "N new comments" button, so the thread never moves under a reader. */
    function showFreshCount() {
        fresh.hidden = !state.fresh.length;
        fresh.textContent = t('newComments', {n: state.fresh.length});
    }

    /** Puts the waiting comments into the thread, parents before their replies, and focuses the first. */
    function showFresh() {
        const items = state.fresh.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).map(insertComment);
        state.fresh = [];
        showFreshCount();
        items[0].querySelector('article').focus();
        announce(t('newShown', {n: items.length}));
    }

    window.Parley = {mount};
})();
