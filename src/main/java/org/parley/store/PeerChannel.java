package org.parley.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages between the instances that share one PostgreSQL database, over LISTEN/NOTIFY: no new infrastructure,
 * and a message sent inside nothing but its own statement reaches every listening instance, this one included.
 *
 * <p>One background thread holds a dedicated connection (outside the pool) that listens, polls for notifications
 * and reconnects after a failure. Sending goes through the pool, on a thread of its own, in the order of the calls:
 * callers announce changes right after their commit while they still hold their own connection, and must not wait
 * for a second one (with every pooled connection so held, they would wait for each other). Payloads are short text
 * (PostgreSQL caps them at 8000 bytes). Thread-safe; close it to stop listening.
 */
public final class PeerChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerChannel.class);

    private final Database database;
    private final String channel;
    private final String url;
    private final String user;
    private final String password;
    private final Thread listener;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-peers-send");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean open = true;

    private PeerChannel(Database database, String channel, String url, String user, String password,
            Consumer<String> receiver) {
        this.database = database;
        this.channel = channel;
        this.url = url;
        this.user = user;
        this.password = password;
        this.listener = new Thread(() -> listen(receiver), "parley-peers");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /**
     * Starts listening on a channel of the database at {@code url}; {@code receiver} gets every payload. Returns once
     * the channel listens (or after five seconds, if the database is slow to answer), so that what peers send from
     * then on is heard.
     */
    public static PeerChannel open(Database database, String channel, String url, String user, String password,
            Consumer<String> receiver) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel names are lower-case letters and underscores");
        }
        PeerChannel opened = new PeerChannel(database, channel, url, user, password, receiver);
        try {
            if (!opened.listening.await(5, TimeUnit.SECONDS)) {
                LOG.warn("The peer channel '{}' is not listening yet; it goes on trying", channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return opened;
    }

    /** Sends a payload to every listening instance, soon and in order; a failure is logged, not thrown. */
    public void send(String payload) {
        try {
            sender.execute(() -> sendNow(payload));
        } catch (RejectedExecutionException e) {
            LOG.debug("The peer channel '{}' is closed; not sent: {}", channel, payload);
        }
    }

    private void sendNow(String payload) {
        try {
            database.jdbi().useHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, :payload)")
                    .bind("channel", channel)
                    .bind("payload", payload)
                    .mapTo(String.class)
                    .one());
        } catch (RuntimeException e) {
            LOG.warn("Could not send on the peer channel '{}': {}", channel, payload, e);
        }
    }

    private void listen(Consumer<String> receiver) {
        while (open) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening.countDown();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(receiver, notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (open) {
                    LOG.warn("Lost the peer channel '{}'; reconnecting in a second", channel, e);
                    pause();
                }
            }
        }
    }

    private static void deliver(Consumer<String> receiver, String payload) {
        try {
            receiver.accept(payload);
        } catch (RuntimeException e) {
            LOG.warn("A peer message could not be handled: {}", payload, e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public void close() {
        open = false;
        listener.interrupt();
        sender.shutdown();
        try {
            sender.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
