package org.parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.parley.moderation.GuidelineNudge;
import org.parley.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the contract's JSON error with the fitting status; never leaks a stack trace. */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(Problem.class, (problem, ctx) -> answer(ctx, status(problem), problem.code(),
                problem.getMessage(), problem.field()));
        config.routes.exception(GuidelineNudge.class, (nudge, ctx) -> ctx.status(422).json(new NudgeView(
                "guideline_nudge", nudge.getMessage(), nudge.categories(), nudge.spans().stream()
                        .map(span -> new SpanView(span.start(), span.end(), span.category().code())).toList())));
        config.routes.exception(EventStream.TooManyStreams.class, (full, ctx) -> {
            ctx.header("Retry-After", "10");
            answer(ctx, 503, "too_many_streams", full.getMessage(), null);
        });
        config.routes.exception(TooManyRequests.class, (limited, ctx) -> {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            answer(ctx, 429, "rate_limited", limited.getMessage(), null);
        });
        config.routes.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, 400, "malformed_json",
                "The request body is not the JSON this endpoint expects: " + e.getOriginalMessage(), null));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
                codeOf(e.getStatus()), e.getMessage(), null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (DatabaseOutage.isOutage(e)) {
                LOG.warn("The database is unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
                ctx.header("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
                answer(ctx, 503, "unavailable", "The database is unavailable for a moment; nothing was changed."
                        + " Try again in a few seconds.", null);
                return;
            }
            if (clientWentAway(e)) {
                LOG.debug("The client closed the connection during {} {}: {}", ctx.method(), ctx.path(), e.toString());
                return;
            }
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "internal_error", "Something went wrong on the server; nothing was changed.", null);
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.path().startsWith("/api/") && !"application/json".equals(ctx.res().getContentType())) {
                answer(ctx, 404, "not_found", "There is no " + ctx.method() + " " + ctx.path() + " in this API.",
                        null);
            }
        });
        config.routes.error(405, "*", ctx -> answer(ctx, 405, "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path() + ".", null));
    }

    /** The contract's nudge answer. */
    record NudgeView(String error, String message, java.util.Map<String, Double> categories,
            java.util.List<SpanView> spans) {
    }

    record SpanView(int start, int end, String category) {
    }

    static void answer(Context ctx, int status, String code, String message, String field) {
        ctx.status(status).json(new ApiError(code, message, field));
    }

    static int status(Problem problem) {
        return switch (problem.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case RATE_LIMITED -> 429;
        };
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
    }

    /**
     * Whether writing the answer failed because the client hung up (Jetty's end-of-stream while writing, e.g. a
     * broken pipe): nobody is left to answer, and it is not the server's fault, so it is no error in the log.
     */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }
}
