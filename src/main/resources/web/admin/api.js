/*
 * The dashboard's one way to the server: the shared JSON requests (../common/page.js) with the session cookie
 * and, for changes, the CSRF token that sign-in and GET /api/v1/me hand out. Failures become ApiError with the
 * API's code, message and field.
 */

import {request, withQuery} from '../common/page.js';

export {ApiError, rememberCsrf, request, withQuery} from '../common/page.js';

export const get = (path, params = {}) => request('GET', withQuery(path, params));
export const post = (path, body = {}) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const remove = (path) => request('DELETE', path);
