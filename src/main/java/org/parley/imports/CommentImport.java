package org.parley.imports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.AccountStore;
import org.parley.classifier.Progress;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.Markdown;
import org.parley.comment.NewComment;
import org.parley.comment.Placement;
import org.parley.problem.Problem;
import org.parley.site.ArticleUrls;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.story.Story;
import org.parley.story.StoryStatus;
import org.parley.story.StoryStore;
import org.parley.store.Ids;

/**
 * Imports the comments of a Disqus or WordPress export into one site: threads (replies under their parents),
 * authors (as accounts without a password) and articles (as stories, found or created by their link) are kept, and
 * every comment keeps its original date. Imported comments are not run through the moderation pipeline: they keep
 * the status their source gave them (see {@link DisqusExport} and {@link WordPressExport}).
 *
 * <p>Design: the whole file is read and checked first, then stored in one transaction, so an import stores all
 * that it reports or nothing (a file that is not well-formed stores nothing and says where it breaks). Rows that
 * cannot be imported (no date, a reply to a comment that is not in the file, an article on an origin the site does
 * not allow) are skipped with the reason, and the rest goes in. Each imported comment is recorded with its source
 * id, so running the same import again adds nothing and an export that grew since adds only what is new.
 */
public final class CommentImport {

    /** The formats read. */
    public enum Format {
        DISQUS, WORDPRESS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        ExportContents read(InputStream in) {
            return this == DISQUS ? DisqusExport.read(in) : WordPressExport.read(in);
        }
    }

    private static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_NAME_LENGTH = 50;
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Jdbi jdbi;
    private final SiteStore sites;
    private final CommentStore comments;
    private final Clock clock;

    public CommentImport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.sites = new SiteStore(jdbi);
        this.comments = new CommentStore(jdbi);
        this.clock = clock;
    }

    /**
     * Imports an export into the site; throws {@link UnreadableExport} (storing nothing) when the file cannot be
     * read as that format, and {@link IllegalArgumentException} when there is no such site.
     */
    public ImportSummary run(Format format, String siteId, InputStream in, Progress progress) {
        Site site = sites.find(siteId).orElseThrow(() -> new IllegalArgumentException("there is no site " + siteId));
        ExportContents contents = format.read(in);
        List<ImportSummary.Skipped> skipped = new ArrayList<>(contents.skipped());
        List<Ready> ready = prepare(site, contents.comments(), skipped);
        return jdbi.inTransaction(handle -> store(handle, format.code(), site.id(), ready, skipped, progress));
    }

    /** A comment that passed the checks: with its article's normalized URL and its body rendered. */
    private record Ready(SourceComment source, String url, Markdown.Rendered rendered) {
    }

    /** Checks each comment, and orders them so that a parent always comes before its replies. */
    private static List<Ready> prepare(Site site, List<SourceComment> found, List<ImportSummary.Skipped> skipped) {
        Map<String, SourceComment> byId = new LinkedHashMap<>();
        for (SourceComment comment : found) {
            if (byId.putIfAbsent(comment.sourceId(), comment) != null) {
                skipped.add(new ImportSummary.Skipped(comment.sourceId(), "the id appears twice; the first is kept"));
            }
        }
        Map<String, Ready> checked = new LinkedHashMap<>();
        for (SourceComment comment : byId.values()) {
            check(site, comment).ifPresentOrElse(
                    reason -> skipped.add(new ImportSummary.Skipped(comment.sourceId(), reason)),
                    () -> checked.put(comment.sourceId(), new Ready(comment, ArticleUrls.normalize(comment.articleUrl()),
                            Markdown.render(comment.body()))));
        }
        List<Ready> ordered = new ArrayList<>();
        Map<String, Boolean> placed = new HashMap<>();
        for (Ready comment : checked.values()) {
            place(comment, checked, byId.keySet(), placed, ordered, skipped);
        }
        return ordered;
    }

    /** Why a comment cannot be imported, or nothing when it can. */
    private static Optional<String> check(Site site, SourceComment comment) {
        String url;
        try {
            url = ArticleUrls.normalize(comment.articleUrl());
        } catch (Problem notAnHttpUrl) {
            return Optional.of("its article's link '" + abbreviate(comment.articleUrl()) + "' is not an http(s) URL");
        }
        if (!site.allowsOrigin(ArticleUrls.originOf(url))) {
            return Optional.of("the site " + site.id() + " does not allow pages on " + ArticleUrls.originOf(url)
                    + "; add that origin to the site first");
        }
        if (comment.createdAt().isBefore(EARLIEST) || comment.createdAt().isAfter(LATEST)) {
            return Optional.of("its date " + comment.createdAt() + " is before 1970 or after 9999");
        }
        if (comment.body().isBlank() && comment.status() != CommentStatus.REMOVED) {
            return Optional.of("it has no text");
        }
        return Optional.empty();
    }

    /**
     * Adds a comment to {@code ordered} after its ancestors, walking up the parents without recursion (reply
     * chains may be long); a reply whose parent is missing, skipped, under another article or part of a loop is
     * skipped with the reason. {@code placed} says, per comment seen, whether it was ordered (true) or skipped.
     */
    private static void place(Ready comment, Map<String, Ready> checked, java.util.Set<String> inFile,
            Map<String, Boolean> placed, List<Ready> ordered, List<ImportSummary.Skipped> skipped) {
        List<Ready> path = new ArrayList<>();
        java.util.Set<String> onPath = new java.util.HashSet<>();
        String reason = null;
        for (Ready at = comment; at != null && !placed.containsKey(at.source().sourceId()); ) {
            path.add(at);
            onPath.add(at.source().sourceId());
            String parentId = at.source().parentSourceId();
            at = null;
            if (parentId == null || placed.containsKey(parentId)) {
                break;
            } else if (onPath.contains(parentId)) {
                reason = "its replies form a loop";
            } else if (!checked.containsKey(parentId)) {
                reason = "it answers " + parentId + (inFile.contains(parentId) ? ", which was skipped"
                        : ", which is not in the file");
            } else {
                at = checked.get(parentId);
            }
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            SourceComment source = path.get(i).source();
            String parentId = source.parentSourceId();
            String why = i == path.size() - 1 ? reason : null;
            if (why == null && parentId != null) {
                if (!placed.getOrDefault(parentId, false)) {
                    why = "it answers " + parentId + ", which was skipped";
                } else if (!checked.get(parentId).url().equals(path.get(i).url())) {
                    why = "it answers " + parentId + ", which is under another article";
                }
            }
            placed.put(source.sourceId(), why == null);
            if (why == null) {
                ordered.add(path.get(i));
            } else {
                skipped.add(new ImportSummary.Skipped(source.sourceId(), why));
            }
        }
    }

    private ImportSummary store(Handle handle, String source, String siteId, List<Ready> ready,
            List<ImportSummary.Skipped> skipped, Progress progress) {
        long accountsBefore = ImportStore.count(handle, "accounts");
        long storiesBefore = ImportStore.count(handle, "stories");
        Instant now = clock.instant();
        Map<String, ImportStore.Imported> stored = new HashMap<>();
        Map<String, String> storyIds = new HashMap<>();
        int added = 0;
        int present = 0;
        int done = 0;
        for (Ready comment : ready) {
            SourceComment from = comment.source();
            Optional<ImportStore.Imported> earlier = ImportStore.find(handle, source, siteId, from.sourceId());
            if (earlier.isPresent()) {
                stored.put(from.sourceId(), earlier.get());
                present++;
            } else {
                String storyId = storyIds.computeIfAbsent(comment.url(),
                        url -> story(handle, siteId, url, from.articleTitle(), from.createdAt()));
                String authorId = AccountStore.findOrInsertWithoutPassword(handle, email(source, from.author()),
                        displayName(from.author()), from.createdAt());
                String id = Ids.newId();
                ImportStore.Imported parent = from.parentSourceId() == null ? null
                        : stored.get(from.parentSourceId());
                Placement placement = parent == null ? Placement.topLevel(id)
                        : Placement.replyTo(parent.commentId(), parent.placement());
                comments.insert(handle, new NewComment(id, storyId, placement.parentId(), placement.rootId(),
                        placement.depth(), placement.replyToId(), authorId, from.body(), comment.rendered().html(),
                        from.status(), from.createdAt()));
                ImportStore.record(handle, source, siteId, from.sourceId(), id, now);
                stored.put(from.sourceId(), new ImportStore.Imported(id, placement));
                added++;
            }
            progress.update(++done, ready.size(), "import");
        }
        return new ImportSummary(added, present, (int) (ImportStore.count(handle, "accounts") - accountsBefore),
                (int) (ImportStore.count(handle, "stories") - storiesBefore), List.copyOf(skipped));
    }

    private static String story(Handle handle, String siteId, String url, String title, Instant createdAt) {
        String storyTitle = title.isBlank() ? url : title.strip();
        if (storyTitle.length() > MAX_TITLE_LENGTH) {
            storyTitle = storyTitle.substring(0, MAX_TITLE_LENGTH - 1) + "…";
        }
        StoryStore.insertIfAbsent(handle, new Story(Ids.newId(), siteId, url, storyTitle, StoryStatus.OPEN, 0, false),
                createdAt);
        return StoryStore.find(handle, siteId, url).orElseThrow().id();
    }

    /**
     * The author's e-mail, lower-cased; an author without one (a guest) gets a stable address of their own under
     * the reserved {@code .invalid} domain, made from the source and their user name or name, so that a re-run or a
     * second export finds the same account and no mail is ever sent to it.
     */
    static String email(String source, SourceComment.SourceAuthor author) {
        String email = author.email().strip().toLowerCase(Locale.ROOT);
        if (email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}")) {
            return email;
        }
        String who = author.userName().isBlank() ? author.name().strip() : author.userName().strip();
        return "guest-" + sha256(source + "\n" + who).substring(0, 20) + "@" + source + ".imported.invalid";
    }

    static String displayName(SourceComment.SourceAuthor author) {
        String name = author.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            name = author.userName().isBlank() ? "Guest" : author.userName().strip();
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
