package org.parley.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.parley.classifier.Progress;
import org.parley.store.Database;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestPostgres;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 4: fuzzing the import parsers with jqwik generators. Mutated Disqus and WordPress exports (bytes
 * cut, doubled or replaced with XML's sharp edges: entities, a DOCTYPE with an external entity, CDATA ends, invalid
 * characters and UTF-8) and well-formed Disqus exports with chaotic content (duplicate ids, reply loops, missing
 * threads, bad links and dates, any Unicode). The property: an import either stores everything it reports (exactly
 * as many comments as it says it added) or is refused with an {@link UnreadableExport} that says why and stores
 * nothing; no other exception escapes. Tries are bounded (300 and 200) so the suite stays quick; one database
 * (SQLite or PostgreSQL, as the run goes) serves every try.
 */
class ImportFuzzTest {

    private static final String SITE = "daily";
    private static Path folder;
    private static Database database;
    private static CommentImport importer;

    @BeforeContainer
    static void openDatabase() throws IOException {
        folder = Files.createTempDirectory("parley-fuzz-");
        database = TestDatabase.onPostgres()
                ? Database.open(TestPostgres.cluster().newDatabase(), TestPostgres.cluster().user(),
                        TestPostgres.cluster().password())
                : Database.openSqlite(folder);
        new SiteStore(database.jdbi()).save(new Site(SITE, "The Daily Example", List.of("https://news.example"),
                Site.DEFAULT_GUIDELINES), Instant.parse("2026-01-01T00:00:00Z"));
        importer = new CommentImport(database.jdbi(), Clock.systemUTC());
    }

    @AfterContainer
    static void closeDatabase() {
        database.close();
        TestServer.deleteRecursively(folder);
    }

    /** An export to try: its format and bytes. */
    record Export(CommentImport.Format format, byte[] bytes) {
        @Override
        public String toString() {
            return format + ": " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private record Counts(long comments, long imported, long accounts, long stories) {
    }

    private static Counts counts() {
        return database.jdbi().withHandle(handle -> new Counts(
                ImportStore.count(handle, "comments"), ImportStore.count(handle, "imported_comments"),
                ImportStore.count(handle, "accounts"), ImportStore.count(handle, "stories")));
    }

    /** Imports, and checks that the database changed by exactly what the answer says, or not at all. */
    private static ImportSummary importAndCheck(Export export) {
        Counts before = counts();
        try {
            ImportSummary summary = importer.run(export.format(), SITE, new ByteArrayInputStream(export.bytes()),
                    Progress.NONE);
            Counts after = counts();
            assertThat(after.comments() - before.comments()).isEqualTo(summary.added());
            assertThat(after.imported() - before.imported()).isEqualTo(summary.added());
            assertThat(after.accounts() - before.accounts()).isEqualTo(summary.accountsCreated());
            assertThat(after.stories() - before.stories()).isEqualTo(summary.storiesCreated());
            assertThat(summary.skipped()).allSatisfy(row -> assertThat(row.reason()).isNotBlank());
            return summary;
        } catch (UnreadableExport refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(counts()).isEqualTo(before);
            return null;
        }
    }

    @Property(tries = 300)
    void a_mutated_export_is_imported_whole_or_refused_with_a_reason_and_nothing_stored(
            @ForAll("mutatedExports") Export export) {
        importAndCheck(export);
    }

    @Property(tries = 200)
    void a_well_formed_disqus_export_always_imports_and_a_second_run_adds_nothing(
            @ForAll("chaoticDisqusExports") String xml) {
        Export export = new Export(CommentImport.Format.DISQUS, xml.getBytes(StandardCharsets.UTF_8));
        ImportSummary first = importAndCheck(export);
        assertThat(first).as("a well-formed Disqus export is never refused").isNotNull();

        ImportSummary second = importAndCheck(export);
        assertThat(second.added()).isZero();
        assertThat(second.accountsCreated()).isZero();
    }

    // --- mutated exports -------------------------------------------------------------------------------------

    private static final List<String> SHARP_EDGES = List.of("<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&unknown;",
            "]]>", "<![CDATA[", "<!DOCTYPE disqus [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
            "<!ENTITY lol \"lol\">", "</post>", "</wp:comment>", "<post dsq:id=\"5001\">", "<parent dsq:id=\"5004\"/>",
            "<parent dsq:id=\"5001\"/>", "<createdAt>+999999999-01-01T00:00:00Z</createdAt>",
            "<wp:comment_parent>105</wp:comment_parent>", "<wp:comment_date_gmt>9999-99-99 99:99:99</wp:comment_date_gmt>",
            "<link>javascript:alert(1)</link>", "<link>https://other.example/x</link>", "\u0000", "\uFFFE", "\uD800",
            "é", "🌉", "\u202E", "<script>alert(1)</script>", "<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?>",
            "<?php ?>", "<!-- -->", "<a:b xmlns:a=\"\">", "xmlns:dsq=\"\"", "dsq:id=\"\"");

    /** One change to a text: at {@code at} (a fraction of its length), over {@code length} characters. */
    private record Mutation(int kind, double at, int length, String fragment) {

        String apply(String text) {
            int start = (int) (at * text.length());
            int end = Math.min(text.length(), start + length);
            return switch (kind) {
                case 0 -> text.substring(0, start) + fragment + text.substring(start);
                case 1 -> text.substring(0, start) + text.substring(end);
                case 2 -> text.substring(0, start) + fragment + text.substring(end);
                case 3 -> text.substring(0, start) + text.substring(start, end) + text.substring(start);
                default -> text.substring(0, start);
            };
        }
    }

    @Provide
    Arbitrary<Export> mutatedExports() {
        Arbitrary<String> fragments = Arbitraries.oneOf(Arbitraries.of(SHARP_EDGES),
                Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<Mutation> mutations = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 400), fragments)
                .as(Mutation::new);
        Arbitrary<CommentImport.Format> formats = Arbitraries.of(CommentImport.Format.class);
        Arbitrary<Integer> badByte = Arbitraries.integers().between(-1, 4000);
        return Combinators.combine(formats, mutations.list().ofMinSize(1).ofMaxSize(4), badByte)
                .as((format, changes, bytePosition) -> {
                    String text = seed(format);
                    for (Mutation change : changes) {
                        text = change.apply(text);
                    }
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    if (bytePosition >= 0 && bytePosition < bytes.length && bytePosition % 3 == 0) {
                        bytes[bytePosition] = (byte) 0xC3;
                    }
                    return new Export(format, bytes);
                });
    }

    private static String seed(CommentImport.Format format) {
        String name = format == CommentImport.Format.DISQUS ? "disqus-export.xml" : "wordpress-export.xml";
        try (InputStream in = CommentImportTest.resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- well-formed Disqus exports with chaotic content ------------------------------------------------------

    private record Post(String id, String thread, String parent, String date, String author, String message,
            boolean deleted, boolean spam) {
    }

    @Provide
    Arbitrary<String> chaoticDisqusExports() {
        Arbitrary<String> ids = Arbitraries.integers().between(1, 12).map(Object::toString);
        Arbitrary<String> links = Arbitraries.of("https://news.example/a", "https://news.example/b?x=1",
                "HTTPS://NEWS.EXAMPLE:443/a#comments", "https://other.example/a", "not a url", "javascript:alert(1)",
                "", "https://news.example/" + "long/".repeat(500));
        Arbitrary<String> dates = Arbitraries.of("2019-03-04T10:15:00Z", "2001-01-01T00:00:00Z", "yesterday", "",
                "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2019-02-30T10:00:00Z");
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<Post> posts = Combinators.combine(ids, ids.injectNull(0.1), ids.injectNull(0.5), dates, text,
                Arbitraries.oneOf(text, Arbitraries.of("<p>Hello <b>there</b></p>", "<script>x</script>",
                        "<a href=\"javascript:alert(1)\">x</a>", "<blockquote><p>q</p></blockquote>", "1. item")),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Post::new);
        Arbitrary<List<String>> threadLinks = links.list().ofMaxSize(4);
        return Combinators.combine(threadLinks, posts.list().ofMaxSize(14)).as(ImportFuzzTest::disqusXml);
    }

    private static String disqusXml(List<String> threadLinks, List<Post> posts) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus"
                + " xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
        for (int i = 0; i < threadLinks.size(); i++) {
            xml.append("<thread dsq:id=\"").append(i + 1).append("\"><link>").append(escape(threadLinks.get(i)))
                    .append("</link><title>Thread ").append(i + 1).append("</title></thread>\n");
        }
        for (Post post : posts) {
            xml.append("<post dsq:id=\"").append(post.id()).append("\"><message>").append(escape(post.message()))
                    .append("</message><createdAt>").append(escape(post.date())).append("</createdAt><isDeleted>")
                    .append(post.deleted()).append("</isDeleted><isSpam>").append(post.spam())
                    .append("</isSpam><author><name>").append(escape(post.author())).append("</name></author>");
            if (post.thread() != null) {
                xml.append("<thread dsq:id=\"").append(post.thread()).append("\"/>");
            }
            if (post.parent() != null) {
                xml.append("<parent dsq:id=\"").append(post.parent()).append("\"/>");
            }
            xml.append("</post>\n");
        }
        return xml.append("</disqus>\n").toString();
    }

    /** Text as XML character data: markup escaped, and characters XML 1.0 cannot carry left out. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!allowed) {
                return;
            }
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
