package org.parley.problem;

/**
 * A request Parley refuses for a reason the caller can act on: a kind (which maps to an HTTP status in the
 * api package), a stable code from the contract, a human sentence and, where one field is at fault, its name.
 *
 * <p>Domain packages throw it; only {@code api} knows how it looks on the wire.
 */
public final class Problem extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final String field;

    public Problem(ProblemKind kind, String code, String message, String field) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public Problem(ProblemKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(ProblemKind.INVALID, "invalid_" + field, message, field);
    }

    public static Problem notFound(String what, String message) {
        return new Problem(ProblemKind.NOT_FOUND, what + "_not_found", message);
    }

    public static Problem forbidden(String code, String message) {
        return new Problem(ProblemKind.FORBIDDEN, code, message);
    }

    public static Problem conflict(String code, String message) {
        return new Problem(ProblemKind.CONFLICT, code, message);
    }

    public static Problem unprocessable(String code, String message, String field) {
        return new Problem(ProblemKind.UNPROCESSABLE, code, message, field);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
