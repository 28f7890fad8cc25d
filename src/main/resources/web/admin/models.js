/*
 * The site's civility models, for admins: each model trained from the moderators' decisions with its held-back
 * ROC-AUC beside the model it was compared with, a button that trains a new one in the background, and buttons
 * that switch to a model (after a confirmation) or roll back to the one before. Training never switches by itself.
 */
import {ApiError, get, post} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';

const POLL_MS = 5000;

export function showModels(container, context) {
    const base = `/api/v1/moderation/sites/${encodeURIComponent(context.site)}/models`;
    const status = statusLine('models-status');
    const rows = el('tbody', {testid: 'model-rows'});
    const train = el('button', {type: 'button', testid: 'train-model'}, 'Train a new model from decisions');
    const rollback = el('button', {type: 'button', testid: 'rollback-model'}, 'Roll back to the previous model');
    let timer = null;

    const reload = async () => {
        clearTimeout(timer);
        try {
            const answer = await get(base);
            render(answer);
            if (answer.training) timer = setTimeout(reload, POLL_MS);
        } catch (error) {
            showStatus(status, error.message, true);
        }
    };
    const act = async (action, done) => {
        try {
            done(await action());
            reload();
        } catch (error) {
            showStatus(status, error instanceof ApiError ? error.message : String(error), true);
        }
    };
    train.addEventListener('click', () => act(() => post(base), (answer) => {
        showStatus(status, answer.message || 'Training started; the list updates when it is done.', false);
        announce('Training started.');
    }));
    rollback.addEventListener('click', () => act(() => post(`${base}/rollback`), (answer) => {
        showStatus(status, `Now using ${answer.active === 'shipped' ? 'the shipped model' : answer.active}.`, false);
        announce('Rolled back.');
    }));

    function render(answer) {
        train.disabled = answer.training;
        rows.replaceChildren(...answer.models.map((model) => el('tr', {testid: 'model-row'},
            el('td', {}, model.version, model.active ? el('strong', {}, ' (active)') : null),
            el('td', {}, formatTime(model.createdAt)),
            el('td', {}, String(model.examples)),
            el('td', {}, String(model.heldBack)),
            el('td', {}, auc(model.metricBefore)),
            el('td', {}, auc(model.metricAfter)),
            el('td', {}, model.active ? '' : el('button', {type: 'button', testid: 'activate-model',
                onclick: () => confirm(`Switch the site to model ${model.version}? Held-back ROC-AUC `
                    + `${auc(model.metricBefore)} before, ${auc(model.metricAfter)} with it.`)
                    && act(() => post(`${base}/${encodeURIComponent(model.version)}/activate`), () => {
                        showStatus(status, `Now using ${model.version}.`, false);
                        announce('Model switched.');
                    })}, 'Switch to it')))));
        if (answer.training) showStatus(status, 'A model is training…', false);
    }

    container.append(el('section', {class: 'models', 'aria-labelledby': 'models-heading'},
        el('h2', {id: 'models-heading'}, 'Models'),
        el('p', {}, 'Models learn from this site\'s decisions: approvals of held comments count as civil, rejections'
            + ' as uncivil. Each is measured on decisions it did not learn from, beside the model it would replace.'
            + ' Wait for a few hundred decisions before trusting the numbers.'),
        el('div', {class: 'form-actions'}, train, rollback, status),
        el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            ['Version', 'Trained', 'Decisions', 'Held back', 'ROC-AUC before', 'ROC-AUC with it', '']
                .map((heading) => el('th', {scope: 'col'}, heading)))), rows)));
    reload();
    return () => clearTimeout(timer);
}

const auc = (value) => (value == null ? '—' : value.toFixed(3));
