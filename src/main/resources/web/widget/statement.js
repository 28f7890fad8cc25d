/*
 * A signed-in reader's own comments on the story that wait for a moderator or were refused, each with its
 * statement of reasons (DSA Art. 17: the decision, the guideline, the passages, automated or not, the redress) and
 * the form to appeal it (Art. 20). Imported by widget.js only when the reader has such comments; the export takes
 * the widget's parts (h, t, api, …) first.
 */

/** Fills the box with the reader's restricted comments, or hides it when there are none. */
export function mine(w, box, comments) {
    const {h, t} = w;
    box.hidden = !comments.length;
    box.replaceChildren(h('h3', {}, t('mine')), h('ul', {}, comments.map((comment) => item(w, comment))));
}

function item(w, comment) {
    const {h, t} = w;
    const details = h('div', {class: 'statement', testid: 'statement', hidden: true});
    const why = h('button', {type: 'button', class: 'link', testid: 'why', 'aria-expanded': 'false', onclick: () => {
        details.hidden = !details.hidden;
        why.setAttribute('aria-expanded', String(!details.hidden));
        details.replaceChildren(h('div', {}, statement(w, comment)));
    }}, t('why'));
    return h('li', {testid: 'mine-comment', 'data-comment-id': comment.id},
        h('span', {class: 'badge', testid: 'mine-status'}, t(comment.status === 'pending' ? 'pending' : 'refused')),
        h('div', {class: 'body', html: comment.html}), why, details);
}

function statement(w, comment) {
    const {h, t} = w;
    const said = comment.statement;
    const until = new Intl.DateTimeFormat(w.lang, {dateStyle: 'long'}).format(new Date(said.redress.appeal.openUntil));
    return [
        h('p', {testid: 'st-decision'}, t('st.' + said.decision)),
        said.ground === 'illegal' ? h('p', {}, t('st.illegal', {category: said.category}))
            : said.guideline && h('blockquote', {testid: 'st-guideline'}, said.guideline),
        said.explanation && h('p', {testid: 'st-explanation'}, said.explanation),
        said.facts.length > 0 && h('ul', {testid: 'st-facts'}, said.facts.map((fact) =>
            h('li', {}, h('mark', {title: t(fact.category)}, fact.text)))),
        h('p', {testid: 'st-automated'},
            t(said.automatedDecision ? 'st.auto' : said.automatedDetection ? 'st.flagged' : 'st.human')),
        h('p', {}, t('st.redress', {date: until})),
        appeal(w, comment, said.redress.appeal),
    ];
}

/** The latest appeal's status and the moderator's reasons; the appeal form while one can be made. */
function appeal(w, comment, redress) {
    const {h, t} = w;
    const latest = redress.latest;
    const status = h('p', {testid: 'appeal-status', hidden: !latest},
        latest && [t('appeal.' + latest.status), ' ', latest.outcomeReason || '']);
    if (!redress.open) return status;
    const area = h('p', {class: 'err', testid: 'error'});
    const form = h('form', {class: 'form', testid: 'appeal-form', onsubmit: (event) => {
        event.preventDefault();
        w.attempt(form, area, async () => {
            const answer = await w.api('POST', 'appeals', {commentId: comment.id, reason: form.elements.reason.value});
            redress.open = false;
            redress.latest = {status: answer.appeal.status};
            form.remove();
            status.hidden = false;
            status.textContent = t('appeal.' + answer.appeal.status);
            w.announce(status.textContent);
        });
    }},
    h('label', {}, t('appealReason'), h('textarea', {name: 'reason', testid: 'appeal-reason', rows: 3,
        required: true, maxlength: 4000})),
    area, w.buttons(h('button', {class: 'primary', testid: 'appeal-submit'}, t('appeal')), null));
    return [status, form];
}
