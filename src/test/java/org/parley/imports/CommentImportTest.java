package org.parley.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.classifier.Progress;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.TestDatabase;

/** Issue 5, item 4: Disqus and WordPress exports of our own, imported with threads, authors and dates kept. */
class CommentImportTest {

    static final String SITE = "daily";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private CommentImport importer;

    @BeforeEach
    void createSite() {
        new SiteStore(db.database().jdbi()).save(new Site(SITE, "The Daily Example", List.of("https://news.example"),
                Site.DEFAULT_GUIDELINES), Instant.parse("2026-01-01T00:00:00Z"));
        importer = new CommentImport(db.database().jdbi(), Clock.systemUTC());
    }

    static InputStream resource(String name) {
        InputStream in = CommentImportTest.class.getResourceAsStream("/imports/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test resource " + name));
        }
        return in;
    }

    private ImportSummary run(CommentImport.Format format, String file) {
        try (InputStream in = resource(file)) {
            return importer.run(format, SITE, in, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One comment, found by the start of its body: its status, depth, parent's body, author and date. */
    private Map<String, Object> comment(String bodyStart) {
        return db.database().jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT c.status, c.depth, c.html, c.body, c.created_at, a.display_name, a.email,
                               p.body AS parent_body, s.url, s.title
                        FROM comments c JOIN accounts a ON a.id = c.author_id JOIN stories s ON s.id = c.story_id
                        LEFT JOIN comments p ON p.id = c.parent_id WHERE c.body LIKE :start""")
                .bind("start", bodyStart + "%")
                .mapToMap()
                .one());
    }

    private long count(String sql) {
        return db.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void a_disqus_export_keeps_threads_authors_dates_and_maps_deleted_to_removed_and_spam_to_rejected() {
        ImportSummary summary = run(CommentImport.Format.DISQUS, "disqus-export.xml");

        assertThat(summary.added()).isEqualTo(6);
        assertThat(summary.storiesCreated()).isEqualTo(2);
        assertThat(summary.accountsCreated()).isEqualTo(4);
        assertThat(summary.skipped()).extracting(ImportSummary.Skipped::sourceId).containsExactlyInAnyOrder(
                "5007", "5008");
        assertThat(summary.skipped()).extracting(ImportSummary.Skipped::reason).anyMatch(r -> r.contains("7999"))
                .anyMatch(r -> r.contains("4999") && r.contains("not in the file"));

        Map<String, Object> top = comment("The bridge vote");
        assertThat(top).containsEntry("status", "published").containsEntry("depth", 0)
                .containsEntry("display_name", "Mara Lind").containsEntry("email", "mara.lind@example.org")
                .containsEntry("url", "https://news.example/2019/bridge-vote")
                .containsEntry("title", "Council narrowly approves the bridge");
        assertThat(((Number) top.get("created_at")).longValue())
                .isEqualTo(Instant.parse("2019-03-04T10:15:00Z").toEpochMilli());
        assertThat((String) top.get("html")).contains("<strong>closer</strong>").contains("&amp;")
                .contains("href=\"https://news.example/2019/bridge-count\"").contains("<p>Second paragraph.</p>");

        Map<String, Object> reply = comment("Ich stimme zu");
        assertThat(reply).containsEntry("depth", 1).containsEntry("display_name", "Jörg Ågren");
        assertThat((String) reply.get("parent_body")).startsWith("The bridge vote");
        assertThat((String) reply.get("email")).endsWith("@disqus.imported.invalid");
        assertThat((String) reply.get("body")).contains("Brücke über den Fluß").contains("橋は必要です 🌉")
                .doesNotContain("alert");

        assertThat(comment("This comment was deleted")).containsEntry("status", "removed").containsEntry("depth", 2);
        Map<String, Object> underDeleted = comment("A reply to a deleted comment");
        assertThat(underDeleted).as("placed beside its parent at the deepest level shown")
                .containsEntry("status", "published").containsEntry("depth", 2);
        assertThat((String) underDeleted.get("html")).contains("5 * 3 ").contains("2 &gt; 1");

        Map<String, Object> spam = comment("Cheap watches");
        assertThat(spam).containsEntry("status", "rejected");
        assertThat((String) spam.get("html")).doesNotContain("javascript");

        assertThat(count("SELECT comment_count FROM stories WHERE url = 'https://news.example/2019/bridge-vote'"))
                .as("published comments counted in the story").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE password_hash LIKE '$argon2%'"))
                .as("imported authors have no password").isZero();
    }

    @Test
    void a_second_import_of_the_same_file_adds_nothing() {
        run(CommentImport.Format.DISQUS, "disqus-export.xml");
        long comments = count("SELECT COUNT(*) FROM comments");
        long accounts = count("SELECT COUNT(*) FROM accounts");

        ImportSummary again = run(CommentImport.Format.DISQUS, "disqus-export.xml");

        assertThat(again.added()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(6);
        assertThat(again.accountsCreated()).isZero();
        assertThat(again.storiesCreated()).isZero();
        assertThat(count("SELECT COUNT(*) FROM comments")).isEqualTo(comments);
        assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(accounts);
    }

    @Test
    void a_wordpress_export_maps_approval_to_status_skips_pingbacks_and_keeps_line_breaks() {
        ImportSummary summary = run(CommentImport.Format.WORDPRESS, "wordpress-export.xml");

        assertThat(summary.added()).isEqualTo(5);
        assertThat(summary.storiesCreated()).isEqualTo(1);
        assertThat(summary.skipped()).singleElement().satisfies(row -> {
            assertThat(row.sourceId()).isEqualTo("106");
            assertThat(row.reason()).contains("pingback");
        });

        Map<String, Object> first = comment("Good news for the east side.");
        assertThat(first).containsEntry("status", "published").containsEntry("depth", 0)
                .containsEntry("title", "Tram line 4 opens in May")
                .containsEntry("url", "https://news.example/2021/tram-line-4/");
        assertThat(((Number) first.get("created_at")).longValue())
                .isEqualTo(Instant.parse("2021-03-01T09:00:00Z").toEpochMilli());
        assertThat((String) first.get("html")).startsWith("<p>Good news for the east side.</p>\n<p>The old bus")
                .contains("forty minutes.<br />").endsWith("Now it is twelve.</p>");

        Map<String, Object> reply = comment("Twelve minutes");
        assertThat(reply).containsEntry("depth", 1).containsEntry("display_name", "Ömer Çelik");
        assertThat((String) reply.get("html")).contains("<em>if</em>").contains("Çok iyi haber!");
        assertThat(comment("Held for moderation")).containsEntry("status", "pending");
        assertThat(((Number) comment("Held for moderation").get("created_at")).longValue())
                .as("the local date stands in for WordPress' zero GMT date")
                .isEqualTo(Instant.parse("2021-03-01T12:00:00Z").toEpochMilli());
        assertThat(comment("Buy now")).containsEntry("status", "rejected");
        assertThat(comment("Moved to the trash")).containsEntry("status", "removed").containsEntry("depth", 2);

        assertThat(run(CommentImport.Format.WORDPRESS, "wordpress-export.xml").added()).isZero();
    }

    @Test
    void a_file_that_is_not_well_formed_is_refused_with_its_line_and_stores_nothing() {
        String broken = "<?xml version=\"1.0\"?>\n<disqus>\n<thread dsq:id=\"1\" xmlns:dsq=\"x\">"
                + "<link>https://news.example/a</link></thread>\n<post><message>unclosed</post>\n</disqus>";

        assertThatThrownBy(() -> importer.run(CommentImport.Format.DISQUS, SITE, stream(broken), Progress.NONE))
                .isInstanceOf(UnreadableExport.class).hasMessageContaining("line 4");
        assertThat(count("SELECT COUNT(*) FROM comments")).isZero();
        assertThat(count("SELECT COUNT(*) FROM stories")).isZero();
    }

    @Test
    void external_entities_are_never_read() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<disqus><thread id=\"1\"><link>https://news.example/a</link></thread>"
                + "<post id=\"2\"><message>&secret;</message><createdAt>2020-01-01T00:00:00Z</createdAt>"
                + "<thread id=\"1\"/></post></disqus>";

        assertThatThrownBy(() -> importer.run(CommentImport.Format.DISQUS, SITE, stream(xxe), Progress.NONE))
                .isInstanceOf(UnreadableExport.class);
        assertThat(count("SELECT COUNT(*) FROM comments")).isZero();
    }

    @Test
    void the_wrong_format_is_named_in_the_error() {
        assertThatThrownBy(() -> run(CommentImport.Format.WORDPRESS, "disqus-export.xml"))
                .isInstanceOf(UnreadableExport.class).hasMessageContaining("not a WordPress");
    }

    @Test
    void articles_on_an_origin_the_site_does_not_allow_are_skipped_with_the_reason() {
        String elsewhere = "<disqus><thread id=\"1\"><link>https://other.example/a</link></thread>"
                + "<post id=\"2\"><message>Hello</message><createdAt>2020-01-01T00:00:00Z</createdAt>"
                + "<thread id=\"1\"/></post></disqus>";

        ImportSummary summary = importer.run(CommentImport.Format.DISQUS, SITE, stream(elsewhere), Progress.NONE);

        assertThat(summary.added()).isZero();
        assertThat(summary.skipped()).singleElement().satisfies(row ->
                assertThat(row.reason()).contains("https://other.example"));
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
