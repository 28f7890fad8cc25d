/*
 * The dashboard's one way to the server: JSON requests with the session cookie and, for changes, the CSRF token
 * that sign-in and GET /api/v1/me hand out. Failures become ApiError with the API's code, message and field.
 */

import {t} from './i18n.js';

/** An answer other than 2xx, carrying the API's {error, message, field}. */
export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || t('error.status', {status}));
        this.status = status;
        this.code = body?.error || 'http_' + status;
        this.field = body?.field || null;
    }
}

let csrf = null;

export function rememberCsrf(token) {
    csrf = token;
}

/** Sends a request and answers the parsed JSON (null for 204). */
export async function request(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-Parley-CSRF'] = csrf;
    let response;
    try {
        response = await fetch(path, {method, headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (networkError) {
        throw new ApiError(0, {error: 'offline', message: t('error.offline')});
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

/** A path with query parameters, leaving out empty ones. */
export function withQuery(path, params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value != null && value !== ''));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
}

export const get = (path, params = {}) => request('GET', withQuery(path, params));
export const post = (path, body = {}) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const remove = (path) => request('DELETE', path);
