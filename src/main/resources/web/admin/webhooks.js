/*
 * The site's webhooks, for admins: the receivers with their events, a form to add one or change it, and each
 * receiver's delivery log (status, attempts, the last answer's code) with a Re-send button. A new hook's secret is
 * shown once, right after it is added; the server never shows it again.
 */
import {ApiError, get, patch, post, remove} from './api.js';
import {announce, el, formatTime, showStatus, statusLine} from './dom.js';
import {label, t} from './i18n.js';

const EVENTS = ['comment.created', 'comment.published', 'comment.rejected', 'comment.edited', 'comment.removed',
    'user.banned'];
const POLL_MS = 5000;

export function showWebhooks(container, context) {
    const base = `/api/v1/moderation/sites/${encodeURIComponent(context.site)}/webhooks`;
    const status = statusLine('webhooks-status');
    const rows = el('tbody', {testid: 'webhook-rows'});
    const secretBox = el('div', {class: 'secret', testid: 'webhook-secret-box', hidden: true});
    const deliveries = el('section', {class: 'deliveries', testid: 'deliveries', hidden: true});
    let editing = null;
    let shownHook = null;
    let timer = null;

    const url = el('input', {type: 'url', id: 'webhook-url', name: 'url', required: true, testid: 'webhook-url',
        placeholder: 'https://newsroom.example/hooks/parley'});
    const boxes = EVENTS.map((event) => el('input', {type: 'checkbox', name: 'events', value: event,
        id: `webhook-event-${event}`, testid: `webhook-event-${event.replace('.', '-')}`}));
    const active = el('input', {type: 'checkbox', id: 'webhook-active', name: 'active', checked: true,
        testid: 'webhook-active'});
    const submit = el('button', {type: 'submit', testid: 'webhook-save'}, t('webhooks.add'));
    const cancel = el('button', {type: 'button', testid: 'webhook-cancel', hidden: true}, t('cancel'));
    const hookForm = el('form', {class: 'webhook-form', testid: 'webhook-form', novalidate: true},
        el('div', {class: 'field'}, el('label', {for: 'webhook-url'}, t('webhooks.url')), url),
        el('fieldset', {}, el('legend', {}, t('webhooks.events')), EVENTS.map((event, i) =>
            el('div', {class: 'field inline'}, boxes[i], el('label', {for: `webhook-event-${event}`}, event)))),
        el('div', {class: 'field inline'}, active, el('label', {for: 'webhook-active'}, t('webhooks.active'))),
        el('div', {class: 'form-actions'}, submit, cancel));

    const fail = (error) => showStatus(status, error instanceof ApiError ? error.message : String(error), true);
    const resetForm = () => {
        editing = null;
        hookForm.reset();
        active.checked = true;
        submit.textContent = t('webhooks.add');
        cancel.hidden = true;
    };

    hookForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const body = {url: url.value.trim(), events: boxes.filter((box) => box.checked).map((box) => box.value),
            active: active.checked};
        try {
            if (editing) {
                await patch(`${base}/${encodeURIComponent(editing)}`, body);
                showStatus(status, t('webhooks.saved'), false);
                secretBox.hidden = true;
            } else {
                const answer = await post(base, body);
                secretBox.replaceChildren(
                    el('p', {}, t('webhooks.secret')),
                    el('code', {testid: 'webhook-secret'}, answer.secret));
                secretBox.hidden = false;
                showStatus(status, t('webhooks.added'), false);
            }
            announce(t('webhooks.saved'));
            resetForm();
            reload();
        } catch (error) {
            fail(error);
        }
    });
    cancel.addEventListener('click', resetForm);

    const edit = (hook) => {
        editing = hook.id;
        url.value = hook.url;
        boxes.forEach((box) => { box.checked = hook.events.includes(box.value); });
        active.checked = hook.active;
        submit.textContent = t('settings.save');
        cancel.hidden = false;
        url.focus();
    };
    const drop = async (hook) => {
        if (!confirm(t('webhooks.confirmDelete', {url: hook.url}))) return;
        try {
            await remove(`${base}/${encodeURIComponent(hook.id)}`);
            if (shownHook?.id === hook.id) hideDeliveries();
            showStatus(status, t('webhooks.deleted'), false);
            reload();
        } catch (error) {
            fail(error);
        }
    };

    async function reload() {
        try {
            const {webhooks} = await get(base);
            rows.replaceChildren(...webhooks.map((hook) => el('tr', {testid: 'webhook-row'},
                el('td', {class: 'url'}, hook.url),
                el('td', {}, hook.events.join(', ')),
                el('td', {}, hook.active ? t('webhooks.state.active') : t('webhooks.state.paused')),
                el('td', {class: 'buttons'},
                    el('button', {type: 'button', testid: 'webhook-deliveries', onclick: () => showDeliveries(hook)},
                        t('webhooks.deliveries')),
                    el('button', {type: 'button', testid: 'webhook-edit', onclick: () => edit(hook)}, t('edit')),
                    el('button', {type: 'button', testid: 'webhook-delete', onclick: () => drop(hook)},
                        t('delete'))))));
            if (webhooks.length === 0) {
                rows.replaceChildren(el('tr', {}, el('td', {colspan: '4'}, t('webhooks.none'))));
            }
        } catch (error) {
            fail(error);
        }
    }

    async function showDeliveries(hook) {
        shownHook = hook;
        clearTimeout(timer);
        try {
            const answer = await get(`${base}/${encodeURIComponent(hook.id)}/deliveries`);
            if (shownHook !== hook) return;
            deliveries.hidden = false;
            deliveries.replaceChildren(
                el('h3', {}, t('webhooks.deliveriesTo', {url: hook.url})),
                el('div', {class: 'table-wrap'}, el('table', {class: 'log'},
                    el('thead', {}, el('tr', {}, [t('delivery.event'), t('delivery.queued'), t('delivery.status'),
                        t('delivery.attempts'), t('delivery.response'), t('delivery.lastError'),
                        t('delivery.nextAttempt'), ''].map((heading) => el('th', {scope: 'col'}, heading)))),
                    el('tbody', {testid: 'delivery-rows'}, answer.deliveries.length === 0
                        ? el('tr', {}, el('td', {colspan: '8'}, t('delivery.none')))
                        : answer.deliveries.map((delivery) => deliveryRow(hook, delivery))))));
            timer = setTimeout(() => showDeliveries(hook), POLL_MS);
        } catch (error) {
            fail(error);
        }
    }

    function deliveryRow(hook, delivery) {
        return el('tr', {testid: 'delivery-row', 'data-delivery': delivery.id, 'data-status': delivery.status},
            el('td', {}, delivery.event),
            el('td', {}, formatTime(delivery.createdAt)),
            el('td', {testid: 'delivery-status'}, label('deliveryState', delivery.status)),
            el('td', {testid: 'delivery-attempts'}, String(delivery.attempts)),
            el('td', {testid: 'delivery-code'}, delivery.responseCode == null ? '—' : String(delivery.responseCode)),
            el('td', {}, delivery.lastError || ''),
            el('td', {}, delivery.status === 'pending' ? formatTime(delivery.nextAttemptAt) : ''),
            el('td', {}, el('button', {type: 'button', testid: 'delivery-resend', onclick: async () => {
                try {
                    await post(`${base}/${encodeURIComponent(hook.id)}/deliveries/`
                        + `${encodeURIComponent(delivery.id)}/resend`);
                    showStatus(status, t('delivery.requeued'), false);
                    announce(t('delivery.requeued'));
                    showDeliveries(hook);
                } catch (error) {
                    fail(error);
                }
            }}, t('delivery.resend'))));
    }

    function hideDeliveries() {
        shownHook = null;
        clearTimeout(timer);
        deliveries.hidden = true;
    }

    container.append(el('section', {class: 'webhooks', 'aria-labelledby': 'webhooks-heading'},
        el('h2', {id: 'webhooks-heading'}, t('tab.webhooks')),
        el('p', {}, t('webhooks.about')),
        el('div', {class: 'table-wrap'}, el('table', {class: 'log'}, el('thead', {}, el('tr', {},
            [t('webhooks.receiver'), t('webhooks.events'), t('webhooks.state'), ''].map((heading) =>
                el('th', {scope: 'col'}, heading)))), rows)),
        el('h3', {}, t('webhooks.formHeading')),
        hookForm, secretBox, status, deliveries));
    reload();
    return () => clearTimeout(timer);
}
