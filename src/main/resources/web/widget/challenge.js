/*
 * The proof of work (ALTCHA), imported by widget.js only when the server asks for one (403 challenge_required):
 * fetches a challenge, lets ALTCHA's own solver (/vendor/altcha/worker.js, MIT, see NOTICE) find the number in a
 * Web Worker, and answers the `altcha` value the form is sent again with. A worker's script must come from the
 * page's origin: on the publisher's page the solver is loaded as a blob, and where the page's policy refuses that
 * too (worker-src), the same search runs here with the browser's SHA-256, a promise per hash, so the page stays
 * responsive either way.
 */

/**
 * The `altcha` value for the site's next guarded request: base64 of ALTCHA's JSON payload. The widget's announce
 * and t tell screen readers why the form takes a moment.
 */
export async function solve(base, site, announce, t) {
    announce(t('challengeWait'));
    const response = await fetch(base + 'api/v1/challenge' + (site ? '?site=' + encodeURIComponent(site) : ''),
        {credentials: 'include'});
    const challenge = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign(new Error(challenge.message), challenge, {status: response.status});
    const found = await inWorker(base, challenge).catch(() => null) || await here(challenge);
    if (!found) throw new Error(challenge.message || 'challenge_failed');
    const {algorithm, salt, signature} = challenge;
    return btoa(JSON.stringify({algorithm, challenge: challenge.challenge, number: found.number, salt, signature}));
}

/** ALTCHA's solver in a worker: from our origin when the page is ours, else as a blob of its text. */
async function inWorker(base, challenge) {
    const url = new URL(base + 'vendor/altcha/worker.js', location.href);
    const source = url.origin === location.origin ? url.href
        : URL.createObjectURL(await (await fetch(url)).blob());
    return new Promise((resolve, reject) => {
        const worker = new Worker(source);
        worker.onerror = reject;
        worker.onmessage = ({data}) => {
            worker.terminate();
            resolve(data);
        };
        worker.postMessage({type: 'work', payload: challenge, start: 0, max: challenge.maxnumber});
    });
}

/** The same search on this thread, for pages whose policy starts no worker. */
async function here({algorithm, challenge, salt, maxnumber}) {
    const encoder = new TextEncoder();
    for (let number = 0; number <= maxnumber; number++) {
        const hash = new Uint8Array(await crypto.subtle.digest(algorithm, encoder.encode(salt + number)));
        if ([...hash].map((byte) => byte.toString(16).padStart(2, '0')).join('') === challenge) return {number};
    }
    return null;
}
