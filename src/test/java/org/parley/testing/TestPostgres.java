package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for the tests, started once per test JVM from Debian's binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}): {@code initdb} into a temporary folder and {@code pg_ctl start} on a
 * free loopback port, run as the {@code postgres} user when the tests run as root (PostgreSQL refuses to run as
 * root). Each caller gets a fresh database in it. The cluster stops when the JVM exits.
 */
public final class TestPostgres {

    private static final String USER = "parley";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres cluster;

    /** Fast and crash-safe enough for tests: the OS never crashes under them, so nothing need reach the disk. */
    private static final String FAST = " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    /**
     * For tests that stop the server abruptly: a commit is in the WAL (written, not synced) before it is
     * acknowledged, as in production, so a crash of the PostgreSQL server loses nothing acknowledged.
     */
    private static final String DURABLE_COMMITS = " -c fsync=off";

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final String settings;

    private TestPostgres(Path bin, Path dataDir, int port, boolean asPostgresUser, String settings) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.settings = settings;
    }

    /** The cluster, started on first use. */
    public static synchronized TestPostgres cluster() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "test-postgres-stop"));
        }
        return cluster;
    }

    /** A new, empty database: its JDBC URL (user and password are {@link #user()} and {@link #password()}). */
    public String newDatabase() {
        String name = "parley_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "parley";
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A second cluster of the test's own, with commits acknowledged only once written to the WAL, for tests that
     * stop and start the server under load ({@link #stopImmediately()}, {@link #startAgain()}); {@link #close()}
     * it at the end.
     */
    public static TestPostgres startPrivate() {
        return start(DURABLE_COMMITS);
    }

    /** Stops the server as a crash would ({@code pg_ctl stop -m immediate}): no checkpoint, clients cut off. */
    public void stopImmediately() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"),
                asPostgresUser);
    }

    /** Starts the stopped server again on the same port and data; it recovers from its WAL first. */
    public void startAgain() {
        run(startCommand(), asPostgresUser);
    }

    private List<String> startCommand() {
        Path folder = dataDir.getParent();
        return List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", folder.resolve("log").toString(), "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=300" + settings,
                "start");
    }

    private static TestPostgres start() {
        return start(FAST);
    }

    private static TestPostgres start(String settings) {
        Path bin = findBin();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dataDir = Files.createTempDirectory("parley-pg-");
            if (root) {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
                run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
            }
            Path passwordFile = dataDir.resolve("pwfile");
            Files.writeString(passwordFile, "parley\n");
            if (root) {
                run(List.of("chown", "postgres:postgres", passwordFile.toString()), false);
            }
            Path cluster = dataDir.resolve("cluster");
            run(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "--auth=md5",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"), root);
            int port = freePort();
            TestPostgres postgres = new TestPostgres(bin, cluster, port, root, settings);
            run(postgres.startCommand(), root);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its files. */
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "stop"),
                    asPostgresUser);
        } catch (RuntimeException ignored) {
            // The JVM is exiting; a cluster that will not stop dies with its temporary folder.
        }
        try (Stream<Path> paths = Files.walk(dataDir.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Best effort, as above.
        }
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The PostgreSQL tests need Debian's PostgreSQL server binaries in"
                    + " /usr/lib/postgresql/*/bin (apt-get install postgresql; .ci/run installs it).");
        }
    }

    private static void run(List<String> command, boolean asPostgresUser) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
