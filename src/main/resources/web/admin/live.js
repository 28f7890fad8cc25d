/*
 * Keeps a queue view current. When the server offers GET /api/v1/moderation/stream?site= (200,
 * text/event-stream), every queue.changed event triggers a refresh, and so does every connection, since events sent
 * before it were missed; otherwise the queue is polled every 15 seconds.
 */
import {withQuery} from './api.js';

const POLL_MILLIS = 15000;
const PROBE_MILLIS = 5000;

/** Calls onChange whenever the site's queues may have changed; answers a function that stops watching. */
export function watchQueue(site, onChange) {
    let stopped = false;
    let stopCurrent = () => {};
    const url = withQuery('/api/v1/moderation/stream', {site});
    offersStream(url).then((streaming) => {
        if (stopped) return;
        stopCurrent = streaming ? listen(url, onChange) : poll(onChange);
    });
    return () => {
        stopped = true;
        stopCurrent();
    };
}

/** True when the stream answers in time as a stream; a proxy that holds the answer back means polling. */
async function offersStream(url) {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), PROBE_MILLIS);
    try {
        const response = await fetch(url, {credentials: 'same-origin', signal: controller.signal,
            headers: {Accept: 'text/event-stream'}});
        const type = response.headers.get('Content-Type') || '';
        return response.status === 200 && type.startsWith('text/event-stream');
    } catch (error) {
        return false;
    } finally {
        window.clearTimeout(timer);
        controller.abort();
    }
}

/** Listens for queue.changed; every (re)connection refreshes too, for what changed while not connected. */
function listen(url, onChange) {
    const source = new EventSource(url, {withCredentials: true});
    source.addEventListener('open', () => onChange());
    source.addEventListener('queue.changed', () => onChange());
    return () => source.close();
}

function poll(onChange) {
    const timer = window.setInterval(onChange, POLL_MILLIS);
    return () => window.clearInterval(timer);
}
