package org.parley.problem;

/** The kinds of refusal, each answered with one HTTP status by the api package. */
public enum ProblemKind {
    /** Malformed request: 400. */
    INVALID,
    /** Not signed in: 401. */
    UNAUTHENTICATED,
    /** Signed in but not allowed: 403. */
    FORBIDDEN,
    /** Unknown thing: 404. */
    NOT_FOUND,
    /** Clashes with what exists: 409. */
    CONFLICT,
    /** Too large: 413. */
    TOO_LARGE,
    /** Body in a format the endpoint does not take: 415. */
    UNSUPPORTED_MEDIA_TYPE,
    /** Well-formed but refused content: 422. */
    UNPROCESSABLE,
    /** Too many requests: 429. */
    RATE_LIMITED
}
