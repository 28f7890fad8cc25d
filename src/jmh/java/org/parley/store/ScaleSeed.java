package org.parley.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.parley.account.Passwords;
import org.parley.comment.CommentRules;
import org.parley.comment.Markdown;
import org.parley.site.ArticleUrls;

/**
 * Seeds a Parley database for the scale benchmark (bench/scale.sh): one site, {@code --stories} stories whose
 * thread sizes follow Zipf's law (the story of rank k gets a share proportional to k^-s) and add up to
 * {@code --comments}, replies placed as the server places them, respects, revisions and moderation log rows, all
 * written with batched JDBC straight into our own schema (migrations applied through {@link Database}).
 *
 * <p>It writes into {@code --out}: {@code targets.tsv} (the URLs of stories holding at least 200 comments, with
 * their sizes), {@code stories.tsv} (every story URL) and {@code sessions.tsv} (a session cookie value, its CSRF
 * token and account id for {@code --sessions} readers, to post with). Text comes from a fixed seed.
 *
 * <pre>
 * ScaleSeed (--data DIR | --database URL --user U --password P) --comments N --stories S --out DIR
 *           [--readers R] [--sessions K] [--exponent 1.1] [--seed 1]
 * </pre>
 */
public final class ScaleSeed {

    static final String SITE = "bench";
    static final String ORIGIN = "https://bench.example";
    private static final int BATCH = 2_000;
    private static final String[] WORDS = ("the talks in Geneva were long and careful but both delegations agreed"
            + " that a ceasefire needs monitors on the ground I think the article misses how much the regional"
            + " partners contributed to the draft text which was published yesterday and says little about water"
            + " rights or the border crossings that matter most to families living there our correspondent"
            + " describes a mood of cautious hope among diplomats while farmers still wait for roads to reopen"
            + " sanctions trade envoy summit treaty referendum minister council observers reconstruction grain"
            + " harbour corridor negotiation compromise timetable verification budget schools clinics railway"
            + " election turnout coalition parliament committee inflation wages harvest drought").split(" ");

    private final Connection connection;
    private final SplittableRandom random;
    private final long start = System.currentTimeMillis() - 400L * 24 * 3600 * 1000;

    private ScaleSeed(Connection connection, long seed) {
        this.connection = connection;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int comments = Integer.parseInt(options.getOrDefault("comments", "10000"));
        int stories = Integer.parseInt(options.getOrDefault("stories", "100"));
        int readers = Integer.parseInt(options.getOrDefault("readers", String.valueOf(Math.max(100, comments / 200))));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "200"));
        double exponent = Double.parseDouble(options.getOrDefault("exponent", "1.1"));
        Path out = Path.of(options.getOrDefault("out", "."));
        Files.createDirectories(out);
        String url = options.get("database");
        long began = System.nanoTime();
        try (Database database = url == null ? Database.openSqlite(Path.of(options.get("data")))
                : Database.open(url, options.get("user"), options.get("password"))) {
            // Our own connection: on PostgreSQL the driver rewrites batches into multi-row inserts.
            try (Connection connection = url == null ? database.pool().getConnection()
                    : DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                            options.get("user"), options.get("password"))) {
                if (database.dialect() == Dialect.SQLITE) {
                    try (Statement statement = connection.createStatement()) {
                        // A big page cache for the seed alone: ids are random, so inserts land all over the indexes.
                        statement.execute("PRAGMA cache_size = -1000000");
                    }
                }
                connection.setAutoCommit(false);
                ScaleSeed seed = new ScaleSeed(connection, Long.parseLong(options.getOrDefault("seed", "1")));
                seed.seed(zipfSizes(comments, stories, exponent), readers, sessions, out);
                if (database.dialect() == Dialect.POSTGRESQL) {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ANALYZE");
                    }
                }
            }
        }
        System.out.printf("seeded %,d comments over %,d stories in %.1f s%n", comments, stories,
                (System.nanoTime() - began) / 1e9);
    }

    /** Sizes proportional to rank^-exponent, rounded so that they add up to {@code total}, every story at least 1. */
    static int[] zipfSizes(int total, int stories, double exponent) {
        double[] weights = new double[stories];
        double sum = 0;
        for (int k = 0; k < stories; k++) {
            weights[k] = Math.pow(k + 1, -exponent);
            sum += weights[k];
        }
        int[] sizes = new int[stories];
        int given = 0;
        for (int k = 0; k < stories; k++) {
            sizes[k] = Math.max(1, (int) Math.floor(total * weights[k] / sum));
            given += sizes[k];
        }
        for (int k = 0; given < total; k = (k + 1) % stories) {
            sizes[k]++;
            given++;
        }
        return sizes;
    }

    private void seed(int[] sizes, int readers, int sessions, Path out) throws SQLException, IOException {
        long now = System.currentTimeMillis();
        try (PreparedStatement site = connection.prepareStatement(
                "INSERT INTO sites (id, name, origins, guidelines, created_at) VALUES (?, ?, ?, ?, ?)")) {
            site.setString(1, SITE);
            site.setString(2, "Bench News");
            site.setString(3, ORIGIN);
            site.setString(4, "Be civil.");
            site.setLong(5, start);
            site.executeUpdate();
        }
        String[] accounts = new String[readers];
        String hash = Passwords.hash("bench-password");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, email, display_name,"
                + " password_hash, role, created_at) VALUES (?, ?, ?, ?, 'reader', ?)");
             PrintWriter sessionFile = new PrintWriter(Files.newBufferedWriter(out.resolve("sessions.tsv")));
             PreparedStatement session = connection.prepareStatement("INSERT INTO sessions (token_hash, account_id,"
                     + " csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < readers; i++) {
                accounts[i] = Ids.newId();
                insert.setString(1, accounts[i]);
                insert.setString(2, "reader" + i + "@bench.example");
                insert.setString(3, "Reader " + i);
                insert.setString(4, hash);
                insert.setLong(5, start);
                insert.addBatch();
                if (i < sessions) {
                    String token = Ids.random(32);
                    String csrf = Ids.random(18);
                    session.setString(1, sha256(token));
                    session.setString(2, accounts[i]);
                    session.setString(3, csrf);
                    session.setLong(4, now);
                    session.setLong(5, now + 30L * 24 * 3600 * 1000);
                    session.addBatch();
                    sessionFile.println(token + "\t" + csrf + "\t" + accounts[i]);
                }
            }
            insert.executeBatch();
            session.executeBatch();
        }
        connection.commit();

        Batches batches = new Batches(connection);
        long seeded = 0;
        try (PrintWriter targets = new PrintWriter(Files.newBufferedWriter(out.resolve("targets.tsv")));
             PrintWriter storyFile = new PrintWriter(Files.newBufferedWriter(out.resolve("stories.tsv")))) {
            for (int k = 0; k < sizes.length; k++) {
                String storyUrl = ArticleUrls.normalize(ORIGIN + "/news/story-" + (k + 1));
                int published = story(batches, storyUrl, sizes[k], accounts);
                storyFile.println(storyUrl);
                if (sizes[k] >= 200) {
                    targets.println(storyUrl + "\t" + sizes[k] + "\t" + published);
                }
                seeded += sizes[k];
                if (k % 100 == 99 || k == sizes.length - 1 || sizes[k] > 10_000) {
                    batches.flush();
                    connection.commit();
                    System.out.printf("\r%,d stories, %,d comments", k + 1, seeded);
                    System.out.flush();
                }
            }
        }
        batches.close();
        connection.commit();
        System.out.println();
    }

    /** Seeds one story's thread; answers how many of its comments are published. */
    private int story(Batches batches, String storyUrl, int size, String[] accounts) throws SQLException {
        String storyId = Ids.newId();
        long storyStart = start + random.nextLong(360L * 24 * 3600 * 1000);
        List<Row> rows = new ArrayList<>(size);
        int published = 0;
        for (int i = 0; i < size; i++) {
            Row parent = i > 0 && random.nextInt(4) == 0 ? rows.get(random.nextInt(rows.size())) : null;
            Row row = new Row();
            row.id = Ids.newId();
            row.author = accounts[random.nextInt(accounts.length)];
            row.createdAt = storyStart + i * 30_000L + random.nextInt(30_000);
            int draw = random.nextInt(100);
            row.status = draw < 96 ? "published" : draw < 98 ? "pending" : "rejected";
            if (parent == null) {
                row.rootId = row.id;
            } else if (parent.depth < CommentRules.MAX_DEPTH) {
                row.parent = parent;
                row.parentId = parent.id;
                row.rootId = parent.rootId;
                row.depth = parent.depth + 1;
            } else {
                row.parent = parent.parent;
                row.parentId = parent.parentId;
                row.rootId = parent.rootId;
                row.depth = parent.depth;
                row.replyToId = parent.id;
            }
            if (row.status.equals("published")) {
                published++;
                if (row.parent != null) {
                    row.parent.replies++;
                }
            }
            rows.add(row);
        }
        batches.story.setString(1, storyId);
        batches.story.setString(2, SITE);
        batches.story.setString(3, storyUrl);
        batches.story.setString(4, "Story " + storyUrl.substring(storyUrl.lastIndexOf('-') + 1));
        batches.story.setInt(5, published);
        batches.story.setLong(6, storyStart);
        batches.story.addBatch();
        batches.flush(); // comments refer to their story
        for (Row row : rows) {
            String body = body();
            int respects = row.status.equals("published") ? respects() : 0;
            PreparedStatement c = batches.comment;
            c.setString(1, row.id);
            c.setString(2, storyId);
            setNullable(c, 3, row.parentId);
            c.setString(4, row.rootId);
            c.setInt(5, row.depth);
            setNullable(c, 6, row.replyToId);
            c.setString(7, row.author);
            c.setString(8, body);
            c.setString(9, Markdown.render(body).html());
            c.setString(10, row.status);
            c.setInt(11, respects);
            c.setInt(12, row.replies);
            c.setLong(13, row.createdAt);
            c.setString(14, "{\"uncivil\":0.02}");
            c.addBatch();
            batches.revision.setString(1, row.id);
            batches.revision.setString(2, body);
            batches.revision.setLong(3, row.createdAt);
            batches.revision.addBatch();
            batches.log.setString(1, Ids.newId());
            batches.log.setString(2, SITE);
            batches.log.setString(3, row.id);
            batches.log.setString(4, row.author);
            batches.log.setString(5, row.status.equals("published") ? "published"
                    : row.status.equals("pending") ? "held" : "rejected");
            batches.log.setLong(6, row.createdAt);
            batches.log.addBatch();
            for (int r = 0; r < respects; r++) {
                batches.respect.setString(1, row.id);
                batches.respect.setString(2, accounts[(accounts.length / 7 * r + random.nextInt(accounts.length / 7))
                        % accounts.length]);
                batches.respect.setString(3, storyId);
                batches.respect.setLong(4, row.createdAt + 60_000);
                batches.respect.addBatch();
            }
            batches.count(1 + respects);
        }
        return published;
    }

    private int respects() {
        int draw = random.nextInt(100);
        return draw < 55 ? 0 : draw < 80 ? 1 : draw < 92 ? 2 : draw < 98 ? 4 : 7;
    }

    /** 100-600 characters from a fixed vocabulary, now and then in two paragraphs or with an emphasised word. */
    private String body() {
        int target = 100 + random.nextInt(501);
        StringBuilder text = new StringBuilder(target + 20);
        while (text.length() < target) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (text.isEmpty()) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else if (random.nextInt(12) == 0) {
                text.append(". ").append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else if (random.nextInt(40) == 0 && text.length() > 60) {
                text.append(".\n\n").append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else if (random.nextInt(30) == 0) {
                text.append(" *").append(word).append('*');
            } else {
                text.append(' ').append(word);
            }
        }
        text.setLength(Math.min(text.length(), 599));
        return text.append('.').toString();
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Row {
        String id;
        Row parent;
        String parentId;
        String rootId;
        int depth;
        String replyToId;
        String author;
        String status;
        long createdAt;
        int replies;
    }

    /** The batched inserts, flushed together every {@link #BATCH} rows so that references hold. */
    private static final class Batches implements AutoCloseable {
        final PreparedStatement story;
        final PreparedStatement comment;
        final PreparedStatement revision;
        final PreparedStatement log;
        final PreparedStatement respect;
        private int pending;

        Batches(Connection connection) throws SQLException {
            story = connection.prepareStatement("INSERT INTO stories (id, site_id, url, title, status, comment_count,"
                    + " created_at) VALUES (?, ?, ?, ?, 'open', ?, ?)");
            comment = connection.prepareStatement("INSERT INTO comments (id, story_id, parent_id, root_id, depth,"
                    + " reply_to_id, author_id, body, html, status, featured, respect_count, reply_count, created_at,"
                    + " scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
            revision = connection.prepareStatement("INSERT INTO comment_revisions (comment_id, revision, body,"
                    + " created_at) VALUES (?, 1, ?, ?)");
            log = connection.prepareStatement("INSERT INTO moderation_log (id, site_id, comment_id, subject_id,"
                    + " action, created_at) VALUES (?, ?, ?, ?, ?, ?)");
            respect = connection.prepareStatement("INSERT INTO respects (comment_id, account_id, story_id, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        }

        void count(int rows) throws SQLException {
            pending += rows;
            if (pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            story.executeBatch();
            comment.executeBatch();
            revision.executeBatch();
            log.executeBatch();
            respect.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            flush();
            for (PreparedStatement statement : List.of(story, comment, revision, log, respect)) {
                statement.close();
            }
        }
    }
}
