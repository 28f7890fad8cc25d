package org.parley.api;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.classifier.Classifier;
import org.parley.comment.CommentStatus;
import org.parley.moderation.CommentSearch;
import org.parley.moderation.EditWindows;
import org.parley.moderation.SearchWords;
import org.parley.problem.Problem;
import org.parley.site.ArticleUrls;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteStore;
import org.parley.story.Story;
import org.parley.story.StoryStore;

/**
 * The moderators' search ({@code GET /api/v1/moderation/search}): turns the query string into
 * {@link CommentSearch.Criteria} and answers items as the moderation queue shows them. Thread-safe.
 */
final class SearchApi {

    /** A page of results: the queue's items, newest first. */
    record ResultsView(List<ModerationApi.ItemView> items, String nextCursor) {
    }

    private final Auth auth;
    private final ModeratorAccess access;
    private final SiteStore sites;
    private final StoryStore stories;
    private final Accounts accounts;
    private final CommentSearch search;
    private final EditWindows editWindows;
    private final Classifier classifier;

    SearchApi(Auth auth, ModeratorAccess access, SiteStore sites, StoryStore stories, Accounts accounts,
            CommentSearch search, EditWindows editWindows, Classifier classifier) {
        this.auth = auth;
        this.access = access;
        this.sites = sites;
        this.stories = stories;
        this.accounts = accounts;
        this.search = search;
        this.editWindows = editWindows;
        this.classifier = classifier;
    }

    void search(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
        access.require(moderator, site);
        String author = blankToNull(ctx.queryParam("author"));
        boolean authorIsAccount = author != null && accounts.findAccount(author).isPresent();
        Instant from = time("from", ctx.queryParam("from"), false);
        Instant to = time("to", ctx.queryParam("to"), true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.unprocessable("empty_period", "The period ends before it begins: give a 'from' before"
                    + " 'to'.", "to");
        }
        CommentSearch.Criteria criteria = new CommentSearch.Criteria(site, SearchWords.of(ctx.queryParam("q")),
                authorIsAccount ? author : null, authorIsAccount ? null : author,
                storyId(site, blankToNull(ctx.queryParam("story"))), status(ctx.queryParam("status")), from, to);
        if (!criteria.narrows()) {
            throw Problem.unprocessable("search_criteria_missing", "Give words to search for or at least one"
                    + " filter: author, story, status, from or to.", "q");
        }
        CommentSearch.Page page = search.search(criteria, ctx.queryParam("cursor"));
        Duration editWindow = editWindows.forSite(site);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new ResultsView(page.items().stream()
                .map(item -> ModerationApi.itemView(item, editWindow, classifier)).toList(), page.nextCursor()));
    }

    /** A story of the site by its id or by its URL (anything holding "://"), or a 404. */
    private String storyId(String site, String story) {
        if (story == null) {
            return null;
        }
        var found = story.contains("://") ? stories.find(site, normalized(story)) : stories.findById(story)
                .filter(candidate -> candidate.site().equals(site));
        return found.map(Story::id).orElseThrow(() -> Problem.notFound("story",
                "There is no story '" + story + "' on this site."));
    }

    private static String normalized(String url) {
        try {
            return ArticleUrls.normalize(url);
        } catch (RuntimeException e) {
            throw Problem.invalid("story", "Give a story's id or its full URL.");
        }
    }

    private static CommentStatus status(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return CommentStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("status", "Choose the status published, pending, rejected or removed.");
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-12-01T08:00:00Z}, or with an offset) or a date ({@code 2026-12-01}, a day
     * in UTC: its start for {@code from}, the start of the next day for {@code to}, so both days are included).
     */
    private static Instant time(String field, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "Give '" + field + "' as an ISO-8601 date or time, such as 2026-12-01 or"
                    + " 2026-12-01T08:00:00Z.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
