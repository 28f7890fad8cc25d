package org.parley.moderation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.parley.comment.CommentStatus;
import org.parley.store.Database;
import org.parley.store.Dialect;
import org.parley.store.Ids;

/**
 * The moderators' search over a million comments (issue 13, item 5; goal: p95 ≤ 100 ms on SQLite and on
 * PostgreSQL). It seeds a database once, when its site {@code bench} is missing, with {@code --comments}
 * comments from {@link SearchCorpus} over {@code --stories} stories and {@code --authors} readers (both picked by
 * Zipf's law, so some stories and readers are busy), written with batched JDBC into our schema after the
 * migrations, the search indexes kept by their triggers and GIN index as in production. Statuses: 94 %
 * published, 3 % pending, 2 % rejected, 1 % removed; times spread over 400 days, in insert order.
 *
 * <p>Then it runs {@code --rounds} rounds of a fixed mix of searches through {@link CommentSearch} (the SQL the
 * endpoint runs: a page of 50 with reports and authors' records; not HTTP or JSON) after a warm-up round, and
 * prints p50, p95 and p99 per kind and over all. Run by bench/search.sh, never by {@code verify}:
 *
 * <pre>
 * SearchBenchmark (--data DIR | --database URL --user U --password P) [--comments 1000000] [--stories 3000]
 *                 [--authors 40000] [--rounds 40] [--seed 1]
 * </pre>
 *
 * <p>A program, run once on one thread; nothing in it is shared.
 */
public final class SearchBenchmark {

    private static final String SITE = "bench";
    private static final int BATCH = 5_000;
    private static final long DAY = 24L * 3600 * 1000;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int comments = Integer.parseInt(options.getOrDefault("comments", "1000000"));
        int stories = Integer.parseInt(options.getOrDefault("stories", "3000"));
        int authors = Integer.parseInt(options.getOrDefault("authors", "40000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "40"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        String url = options.get("database");
        try (Database database = url == null ? Database.openSqlite(java.nio.file.Path.of(options.get("data")))
                : Database.open(url, options.get("user"), options.get("password"))) {
            if (database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM sites WHERE id = :id")
                    .bind("id", SITE).mapTo(Integer.class).one()) == 0) {
                long began = System.nanoTime();
                try (Connection connection = url == null ? database.pool().getConnection()
                        : DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                                + "reWriteBatchedInserts=true", options.get("user"), options.get("password"))) {
                    seed(connection, database.dialect(), comments, stories, authors, seed);
                }
                System.out.printf("seeded %,d comments, %,d stories, %,d authors in %.0f s%n", comments, stories,
                        authors, (System.nanoTime() - began) / 1e9);
            }
            measure(database, rounds, seed);
        }
    }

    private static void seed(Connection connection, Dialect dialect, int comments, int stories, int authors,
            long seed) throws SQLException {
        SearchCorpus corpus = new SearchCorpus(seed);
        long start = System.currentTimeMillis() - 400 * DAY;
        connection.setAutoCommit(false);
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = -500000");
            }
        }
        try (PreparedStatement site = connection.prepareStatement(
                "INSERT INTO sites (id, name, origins, guidelines, created_at) VALUES (?, 'Bench', ?, 'Be civil.', ?)")) {
            site.setString(1, SITE);
            site.setString(2, "https://bench.example");
            site.setLong(3, start);
            site.executeUpdate();
        }
        String[] authorIds = new String[authors];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, email, display_name,"
                + " password_hash, role, created_at) VALUES (?, ?, ?, 'x', 'reader', ?)")) {
            for (int i = 0; i < authors; i++) {
                authorIds[i] = Ids.newId();
                String surname = SearchCorpus.SURNAMES[i % SearchCorpus.SURNAMES.length];
                insert.setString(1, authorIds[i]);
                insert.setString(2, "reader" + i + "@bench.example");
                insert.setString(3, surname + " " + i);
                insert.setLong(4, start);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        String[] storyIds = new String[stories];
        int[] storyTopics = new int[stories];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stories (id, site_id, url, title,"
                + " status, comment_count, created_at) VALUES (?, ?, ?, ?, 'open', 0, ?)")) {
            for (int i = 0; i < stories; i++) {
                storyIds[i] = Ids.newId();
                storyTopics[i] = i % SearchCorpus.TOPICS.length;
                insert.setString(1, storyIds[i]);
                insert.setString(2, SITE);
                insert.setString(3, "https://bench.example/news/story-" + i);
                insert.setString(4, "Story " + i);
                insert.setLong(5, start);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        double[] storyWeights = zipfCumulative(stories, 1.0);
        double[] authorWeights = zipfCumulative(authors, 0.9);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed + 1);
        long spacing = 400 * DAY / comments;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO comments (id, story_id, root_id,"
                + " depth, author_id, body, html, status, featured, respect_count, reply_count, created_at)"
                + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, 0, 0, 0, ?)")) {
            for (int i = 0; i < comments; i++) {
                int story = pick(storyWeights, random.nextDouble());
                String id = Ids.newId();
                String body = corpus.comment(storyTopics[story]);
                int roll = random.nextInt(100);
                CommentStatus status = roll < 94 ? CommentStatus.PUBLISHED : roll < 97 ? CommentStatus.PENDING
                        : roll < 99 ? CommentStatus.REJECTED : CommentStatus.REMOVED;
                insert.setString(1, id);
                insert.setString(2, storyIds[story]);
                insert.setString(3, id);
                insert.setString(4, authorIds[pick(authorWeights, random.nextDouble())]);
                insert.setString(5, body);
                insert.setString(6, "<p>" + body + "</p>");
                insert.setString(7, status.code());
                insert.setLong(8, start + i * spacing + random.nextLong(Math.max(1, spacing)));
                insert.addBatch();
                if (i % BATCH == BATCH - 1 || i == comments - 1) {
                    insert.executeBatch();
                    connection.commit();
                    if (i % 100_000 == 99_999) {
                        System.out.printf("%,d comments%n", i + 1);
                    }
                }
            }
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect == Dialect.SQLITE ? "ANALYZE" : "VACUUM ANALYZE");
        }
    }

    private record Kind(String name, Supplier<CommentSearch.Criteria> criteria, boolean secondPage) {
    }

    private static void measure(Database database, int rounds, long seed) {
        CommentSearch search = new CommentSearch(database.jdbi(), database.dialect());
        SearchCorpus corpus = new SearchCorpus(seed + 2);
        List<String> authorIds = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT author_id FROM comments ORDER BY created_at DESC LIMIT 5000").mapTo(String.class).list());
        List<String> storyIds = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM stories WHERE site_id = :site").bind("site", SITE).mapTo(String.class).list());
        String[] common = Arrays.stream(SearchCorpus.TOPICS).map(list -> list[0]).toArray(String[]::new);
        String[] rare = Arrays.copyOfRange(SearchCorpus.PLACES, SearchCorpus.PLACES.length - 30,
                SearchCorpus.PLACES.length);
        String[] statuses = {"pending", "rejected", "removed"};
        List<Kind> kinds = List.of(
                new Kind("q, common word", () -> words(common[corpus.nextInt(common.length)]), false),
                new Kind("q, rare word", () -> words(rare[corpus.nextInt(rare.length)]), false),
                new Kind("q, two topic words", () -> words(corpus.zipf(SearchCorpus.TOPICS[corpus.nextInt(8)])
                        + " " + corpus.zipf(SearchCorpus.TOPICS[corpus.nextInt(8)])), false),
                new Kind("q, function word (very common)", () -> words(corpus.zipf(SearchCorpus.FUNCTION)), false),
                new Kind("q + status", () -> with(SearchWords.of(corpus.zipf(SearchCorpus.TOPICS[corpus.nextInt(8)])),
                        CommentStatus.ofCode(statuses[corpus.nextInt(statuses.length)])), false),
                new Kind("author (history)", () -> new CommentSearch.Criteria(SITE, SearchWords.of(null),
                        authorIds.get(corpus.nextInt(authorIds.size())), null, null, null, null, null), false),
                new Kind("author name substring", () -> new CommentSearch.Criteria(SITE, SearchWords.of(null), null,
                        corpus.zipf(SearchCorpus.SURNAMES).toLowerCase(java.util.Locale.ROOT) + " "
                                + corpus.nextInt(40_000), null, null, null, null), false),
                new Kind("story + q", () -> new CommentSearch.Criteria(SITE,
                        SearchWords.of(corpus.zipf(SearchCorpus.OPINION)), null, null,
                        storyIds.get(corpus.nextInt(Math.min(200, storyIds.size()))), null, null, null), false),
                new Kind("status only", () -> with(SearchWords.of(null),
                        CommentStatus.ofCode(statuses[corpus.nextInt(statuses.length)])), false),
                new Kind("q, common word, page 2", () -> words(common[corpus.nextInt(common.length)]), true));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (int round = -1; round < rounds; round++) {
            for (Kind kind : kinds) {
                CommentSearch.Criteria criteria = kind.criteria().get();
                long began = System.nanoTime();
                CommentSearch.Page page = search.search(criteria, null);
                if (kind.secondPage() && page.nextCursor() != null) {
                    began = System.nanoTime();
                    search.search(criteria, page.nextCursor());
                }
                double millis = (System.nanoTime() - began) / 1e6;
                if (round >= 0) {
                    times.computeIfAbsent(kind.name(), name -> new ArrayList<>()).add(millis);
                    all.add(millis);
                }
            }
        }
        System.out.printf("%n%s, %,d comments, %d rounds%n%n", database.dialect(), count(database), rounds);
        System.out.println("| search | n | p50 ms | p95 ms | p99 ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        times.forEach((name, list) -> row(name, list));
        row("**all**", all);
    }

    private static CommentSearch.Criteria words(String text) {
        return new CommentSearch.Criteria(SITE, SearchWords.of(text), null, null, null, null, null, null);
    }

    private static CommentSearch.Criteria with(SearchWords words, CommentStatus status) {
        return new CommentSearch.Criteria(SITE, words, null, null, null, status, null, null);
    }

    private static long count(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM comments")
                .mapTo(Long.class).one());
    }

    private static void row(String name, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", name, sorted.length, quantile(sorted, 0.50),
                quantile(sorted, 0.95), quantile(sorted, 0.99));
    }

    /** The nearest-rank quantile. */
    private static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double[] zipfCumulative(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(k + 1, -exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int index = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
