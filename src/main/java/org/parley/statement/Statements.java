package org.parley.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.appeal.AppealStore;
import org.parley.appeal.Appeals;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Restriction;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.site.ModeratorAccess;

/**
 * Statements of reasons (DSA Art. 17): built from the moderation log's entry of the decision that restricts a
 * comment (its ground, category and facts), the site's guidelines and the author's appeals; and for an account's
 * bans and suspensions. Read by the author, the site's moderators and admins. Thread-safe.
 */
public final class Statements {

    public static final String APPEALS_ENDPOINT = "/api/v1/appeals";
    static final String OUT_OF_COURT = "You may also refer the decision to a certified out-of-court dispute"
            + " settlement body (Art. 21 of the Digital Services Act); its decision does not bind you.";
    static final String COURTS = "You can in any case take the decision to the courts.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> FACTS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final ModerationStore moderation;
    private final ModeratorAccess access;
    private final Clock clock;

    public Statements(Jdbi jdbi, ModerationStore moderation, ModeratorAccess access, Clock clock) {
        this.jdbi = jdbi;
        this.moderation = moderation;
        this.access = access;
        this.clock = clock;
    }

    /** The statement on a comment for its author, a moderator of its site or an admin; 403 for anyone else. */
    public Statement forComment(Account viewer, String commentId) {
        Map<String, String> owner = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.author_id, s.site_id FROM comments c JOIN stories s ON s.id = c.story_id
                        WHERE c.id = :id""")
                .bind("id", commentId)
                .map((rs, ctx) -> Map.of("author", rs.getString("author_id"), "site", rs.getString("site_id")))
                .findOne())
                .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
        if (!owner.get("author").equals(viewer.id()) && !access.mayModerate(viewer, owner.get("site"))) {
            throw Problem.forbidden("not_allowed",
                    "Only the comment's author and the site's moderators can read the statement of reasons.");
        }
        return jdbi.withHandle(handle -> ofComment(handle, commentId, clock.instant()))
                .orElseThrow(() -> new Problem(ProblemKind.NOT_FOUND, "no_restriction",
                        "This comment is not restricted, so there is no statement of reasons."));
    }

    /** The statement on a comment restricted now, read within the caller's transaction; empty when it is not. */
    public static Optional<Statement> ofComment(Handle handle, String commentId, Instant now) {
        return ModerationStore.restriction(handle, commentId).map(restriction -> of(handle, restriction, now));
    }

    /** The statement on a comment's restriction already read, within the caller's transaction. */
    public static Statement of(Handle handle, Restriction restriction, Instant now) {
        String commentId = restriction.commentId();
        String authorId = restriction.subjectId();
        Optional<org.parley.appeal.Appeal> latest = AppealStore.latest(handle, commentId, authorId);
        Instant openUntil = restriction.at().plus(Appeals.WINDOW);
        boolean pending = latest.map(org.parley.appeal.Appeal::isOpen).orElse(false);
        Statement.Appeal appeal = new Statement.Appeal(APPEALS_ENDPOINT, openUntil,
                !pending && now.isBefore(openUntil), latest.map(Statements::state).orElse(null));
        String guideline = "illegal".equals(restriction.ground()) ? null
                : guideline(guidelines(handle, restriction.siteId()), restriction.category());
        return new Statement(commentId, restriction.decision(),
                restriction.ground() == null ? "guidelines" : restriction.ground(), restriction.category(),
                guideline, restriction.automatedDecision() ? null : restriction.reason(), facts(restriction.facts()),
                restriction.automatedDetection(), restriction.automatedDecision(),
                restriction.at(), new Statement.Redress(appeal, OUT_OF_COURT, COURTS, redressText(openUntil)));
    }

    /** The statements on an author's restricted comments and restricted account, newest first: the data export. */
    public List<Statement> ofAuthor(String accountId) {
        Instant now = clock.instant();
        List<Statement> statements = new ArrayList<>();
        for (Restriction restriction : moderation.accountRestrictions(accountId)) {
            statements.add(new Statement(null, restriction.decision(), "guidelines", restriction.category(), null,
                    restriction.reason(), List.of(), false, false, restriction.at(), new Statement.Redress(null,
                    OUT_OF_COURT, COURTS, "You can ask the publisher to review this decision through its contact"
                            + " point. " + OUT_OF_COURT + " " + COURTS)));
        }
        for (String commentId : moderation.restrictedComments(accountId)) {
            jdbi.withHandle(handle -> ofComment(handle, commentId, now)).ifPresent(statements::add);
        }
        return statements;
    }

    /** One of an author's own restricted comments on a story, with its statement, as the widget lists them. */
    public record Restricted(String id, String html, String status, Instant createdAt, Statement statement) {
    }

    /** The author's comments on a story that are restricted now (held, rejected, removed), newest first. */
    public List<Restricted> restrictedOnStory(String authorId, String storyId) {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, html, status, created_at FROM comments WHERE author_id = :author
                        AND story_id = :story AND status <> 'published'
                        ORDER BY created_at DESC, id DESC LIMIT 20""")
                .bind("author", authorId)
                .bind("story", storyId)
                .map((rs, ctx) -> new Restricted(rs.getString("id"), rs.getString("html"), rs.getString("status"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), null))
                .list()
                .stream()
                .flatMap(comment -> ofComment(handle, comment.id(), now).stream().map(statement -> new Restricted(
                        comment.id(), comment.html(), comment.status(), comment.createdAt(), statement)))
                .toList());
    }

    /** The sentence of the guidelines that names the category; all of them when none does or there is none. */
    static String guideline(String guidelines, String category) {
        if (guidelines == null || guidelines.isBlank()) {
            return null;
        }
        if (category != null) {
            for (String sentence : guidelines.split("(?<=[.!?])\\s+")) {
                if (sentence.toLowerCase(Locale.ROOT).contains(category.toLowerCase(Locale.ROOT))) {
                    return sentence.strip();
                }
            }
        }
        return guidelines.strip();
    }

    private static String guidelines(Handle handle, String siteId) {
        return handle.createQuery("SELECT guidelines FROM sites WHERE id = :id")
                .bind("id", siteId)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    }

    private static Statement.AppealState state(org.parley.appeal.Appeal appeal) {
        return new Statement.AppealState(appeal.id(), appeal.status(), appeal.createdAt(), appeal.decidedAt(),
                appeal.outcomeReason());
    }

    private static List<Map<String, String>> facts(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, FACTS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String redressText(Instant openUntil) {
        return "You can appeal this decision to the site's moderators until " + openUntil.toString().substring(0, 10)
                + "; a person other than the one who decided will review it. " + OUT_OF_COURT + " " + COURTS;
    }
}
