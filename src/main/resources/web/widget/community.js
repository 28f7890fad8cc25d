/*
 * The readers' community in the widget, imported by widget.js on first use: the community menu a signed-in reader
 * opens beside their account (follow this thread, the replies to their comments, the authors they muted, hiding
 * their profile) and the card an author's name opens (the author's profile, and a mute). widget.js itself only
 * collapses the comments of muted authors, shows staff badges and the count of new replies; the mutes and the
 * count come from the reader's own answer (GET /api/v1/me/community), beside the thread page everyone shares.
 * Each export takes the widget's parts (h, t, api, state, refresh, …) first.
 */

const site = (w) => new URLSearchParams(w.thread()).get('site');

/** Runs an action of a button, its failure said in the area. */
const run = (w, area, action) => async (event) => {
    area.textContent = '';
    try {
        await action(event.currentTarget);
    } catch (failure) {
        w.say(area, failure.message);
    }
};

/** The community menu: follow the thread, the replies to the reader (now seen), and the muted authors. */
export function menu(w) {
    const {h, t, api, state} = w;
    const area = h('p', {class: 'err', testid: 'error'});
    const replies = h('ol', {class: 'replies-to-me', testid: 'replies-to-me'});
    const muted = h('ul', {testid: 'muted-authors'});
    const follow = h('button', {type: 'button', testid: 'follow', 'aria-pressed': String(!!state.c.following),
        onclick: run(w, area, async (button) => {
            const following = !state.c.following;
            if (following) {
                await api('POST', 'me/subscriptions', Object.fromEntries(new URLSearchParams(w.thread())));
            } else {
                await api('DELETE', 'me/subscriptions?' + w.thread());
            }
            state.c.following = following;
            button.setAttribute('aria-pressed', following);
            button.textContent = t(following ? 'unfollow' : 'follow');
            w.announce(t(following ? 'followed' : 'unfollowed'));
        })}, t(state.c.following ? 'unfollow' : 'follow'));
    const hide = h('input', {type: 'checkbox', testid: 'hide-profile', onchange: run(w, area, async (box) => {
        await api('PATCH', 'me/profile', {hidden: box.checked});
        w.say(area, t(box.checked ? 'profileNowHidden' : 'profileNowShown'), 'ok');
    })});
    api('GET', 'users/' + encodeURIComponent(state.me.id) + '?site=' + encodeURIComponent(site(w)))
        .then(({profile}) => { hide.checked = profile.hidden; }, () => {});
    const element = h('div', {class: 'form', testid: 'community-menu'},
        h('p', {}, follow, ' ', h('small', {}, t('followHint'))),
        h('h3', {}, t('repliesToMe')), replies, h('h3', {}, t('mutedAuthors')), muted,
        h('label', {class: 'check'}, hide, ' ', t('hideProfile')), area);
    showReplies(w, replies, area, element);
    showMuted(w, muted, area);
    return element;
}

async function showReplies(w, list, area, element) {
    const {h, t, api, state} = w;
    try {
        const data = await api('GET', 'me/replies?site=' + encodeURIComponent(site(w)));
        list.dataset.empty = t('noReplies');
        list.replaceChildren(...data.replies.map((reply) => h('li', {testid: 'reply-to-me',
            class: reply.fresh ? 'fresh' : null},
        h('b', {}, reply.authorName), ' ', h('q', {}, reply.excerpt), ' ',
        h('a', {href: reply.url + '#c-' + reply.id, target: '_top'}, reply.title))));
        if (state.c.newReplies) {
            await api('POST', 'me/replies/seen', {site: site(w)});
            state.c.newReplies = 0;
            element.getRootNode().querySelector('[data-testid="replies-badge"]')?.remove();
        }
    } catch (failure) {
        w.say(area, failure.message);
    }
}

async function showMuted(w, list, area) {
    const {h, t, api} = w;
    try {
        const data = await api('GET', 'me/mutes');
        list.dataset.empty = t('noMuted');
        list.replaceChildren(...data.mutes.map((mute) => h('li', {testid: 'muted-author'}, mute.displayName, ' ',
            h('button', {type: 'button', class: 'link', testid: 'unmute', onclick: run(w, area, async () => {
                await api('DELETE', 'me/mutes/' + encodeURIComponent(mute.userId));
                w.announce(t('unmuted', {name: mute.displayName}));
                await w.refresh();
            })}, t('unmute')))));
    } catch (failure) {
        w.say(area, failure.message);
    }
}

/**
 * The card an author's name opens, in the comment's slot: the author's profile on this site (member since, how many
 * comments, the latest), or the name alone when they hid it; for another signed-in reader, a mute. A second click
 * closes it.
 */
export async function author(w, comment, slot) {
    const {h, t, api, state} = w;
    if (slot.querySelector('[data-testid="author-card"]')) {
        slot.replaceChildren();
        return;
    }
    const area = h('p', {class: 'err', testid: 'error'});
    const own = state.me && state.me.id === comment.author.id;
    const details = h('div', {testid: 'profile'});
    slot.replaceChildren(h('div', {class: 'form', testid: 'author-card'},
        h('h3', {}, comment.author.displayName), details,
        state.me && !own && h('button', {type: 'button', testid: 'mute',
            onclick: run(w, area, async () => {
                await api('POST', 'me/mutes', {userId: comment.author.id});
                w.announce(t('mutedAnnounce', {name: comment.author.displayName}));
                await w.refresh();
            })}, t('mute')),
        state.me && !own && h('p', {}, h('small', {}, t('muteHint'))), area));
    try {
        const {profile} = await api('GET', 'users/' + encodeURIComponent(comment.author.id) + '?site='
            + encodeURIComponent(site(w)));
        const lang = slot.closest('[lang]')?.lang;
        details.replaceChildren(...(profile.memberSince ? [
            h('p', {testid: 'profile-summary'}, t('memberSince', {date: new Date(profile.memberSince)
                .toLocaleDateString(lang, {dateStyle: 'long'})}), ' · ', t('publishedComments',
            {n: profile.publishedComments})),
            h('ul', {}, profile.recentComments.map((recent) => h('li', {testid: 'profile-comment'},
                h('q', {}, recent.excerpt), ' ', h('a', {href: recent.url + '#c-' + recent.id, target: '_top'},
                    recent.title))))]
            : [h('p', {testid: 'profile-hidden'}, t('profileHidden'))]));
    } catch (failure) {
        w.say(area, failure.message);
    }
}
