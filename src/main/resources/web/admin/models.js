/*
 * The site's civility models, for admins: each model trained from the moderators' decisions with its held-back
 * ROC-AUC beside the model it was compared with, a button that trains a new one in the background, and buttons
 * that switch to a model (after a confirmation) or roll back to the one before. Training never switches by itself.
 */
import {ApiError, get, post} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';
import {t} from './i18n.js';

const POLL_MS = 5000;

export function showModels(container, context) {
    const base = `/api/v1/moderation/sites/${encodeURIComponent(context.site)}/models`;
    const status = statusLine('models-status');
    const rows = el('tbody', {testid: 'model-rows'});
    const train = el('button', {type: 'button', testid: 'train-model'}, t('models.train'));
    const rollback = el('button', {type: 'button', testid: 'rollback-model'}, t('models.rollback'));
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
        showStatus(status, answer.message || t('models.trainingStarted'), false);
        announce(t('models.started'));
    }));
    rollback.addEventListener('click', () => act(() => post(`${base}/rollback`), (answer) => {
        showStatus(status, t('models.using', {version: answer.active === 'shipped' ? t('models.shipped')
            : answer.active}), false);
        announce(t('models.rolledBack'));
    }));

    function render(answer) {
        train.disabled = answer.training;
        rows.replaceChildren(...answer.models.map((model) => el('tr', {testid: 'model-row'},
            el('td', {}, model.version, model.active ? el('strong', {}, ' ' + t('models.active')) : null),
            el('td', {}, formatTime(model.createdAt)),
            el('td', {}, String(model.examples)),
            el('td', {}, String(model.heldBack)),
            el('td', {}, auc(model.metricBefore)),
            el('td', {}, auc(model.metricAfter)),
            el('td', {}, model.active ? '' : el('button', {type: 'button', testid: 'activate-model',
                onclick: () => confirm(t('models.confirm', {version: model.version,
                    before: auc(model.metricBefore), after: auc(model.metricAfter)}))
                    && act(() => post(`${base}/${encodeURIComponent(model.version)}/activate`), () => {
                        showStatus(status, t('models.using', {version: model.version}), false);
                        announce(t('models.switched'));
                    })}, t('models.switch'))))));
        if (answer.training) showStatus(status, t('models.training'), false);
    }

    container.append(el('section', {class: 'models', 'aria-labelledby': 'models-heading'},
        el('h2', {id: 'models-heading'}, t('tab.models')),
        el('p', {}, t('models.about')),
        el('div', {class: 'form-actions'}, train, rollback, status),
        el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            ['version', 'trained', 'decisions', 'heldBack', 'before', 'after']
                .map((heading) => el('th', {scope: 'col'}, t('models.' + heading))), el('th', {scope: 'col'}))),
            rows)));
    reload();
    return () => clearTimeout(timer);
}

const auc = (value) => (value == null ? '—' : value.toFixed(3));
