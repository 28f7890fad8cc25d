/*
 * The thread's "Editor's picks": the comments a moderator featured, above the thread, each with its author, the
 * start of its text and a link that scrolls to it, loading further pages of the thread until it is there.
 * widget.js imports this module only when a thread has picks, so other threads download nothing more. Each export
 * takes the widget's parts (h, t, findItem, loadMore, announce, state) first.
 */

/** How many further pages a pick's link loads at most while looking for its comment. */
const MAX_PAGES = 10;

/** The heading and list of picks. */
export function render(w, picks) {
    const {h, t} = w;
    return [h('h3', {}, t('picks')), h('ol', {}, picks.map((pick) => h('li', {testid: 'pick'},
        h('b', {testid: 'pick-author'}, pick.author.displayName), ' ',
        h('q', {testid: 'pick-excerpt'}, pick.excerpt), ' ',
        h('a', {href: '#c-' + pick.id, testid: 'pick-link', onclick: (event) => {
            event.preventDefault();
            show(w, pick.id);
        }}, t('pickRead')))))];
}

/** Scrolls to a comment and focuses it, loading the thread's next pages while it is not there yet. */
async function show(w, id) {
    for (let page = 0; !w.findItem(id) && w.state.cursor && page < MAX_PAGES; page++) {
        await w.loadMore();
    }
    const item = w.findItem(id);
    if (!item) {
        w.announce(w.t('pickMissing'));
        return;
    }
    item.scrollIntoView({block: 'start'});
    item.querySelector('article').focus({preventScroll: true});
}
