package org.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the writes of many requests in one transaction on SQLite: group commit.
 *
 * <p>SQLite takes one writer at a time, so under load the requests that post comments queue for its lock, and
 * the queue, not the processors, sets the pace: on two cores the lock was measured busy 80–95% of the time while
 * the processors idled a third of it, because each holder competed for a core with the requests behind it. Here
 * one thread does every write handed to it. It takes whatever has queued since its last commit (up to
 * {@link #MAX_BATCH}), runs each piece inside one transaction under its own savepoint, and commits once. A piece
 * that fails is rolled back to its savepoint alone and its caller gets the exception; the others commit. A commit
 * that fails fails every piece of the batch. Each caller waits until its piece is committed, so an answer still
 * means the write is stored.
 *
 * <p>The thread keeps one connection of the pool, whose page cache then stays warm: no other connection writes
 * the tables this thread writes most. Its transactions go through {@link SingleWriter} like every other, so they
 * never collide with writes made elsewhere.
 *
 * <p>On PostgreSQL, which takes many writers at once, {@link #direct} runs each piece in its own transaction on the
 * caller's thread. Thread-safe.
 */
public final class GroupCommit implements AutoCloseable {

    /** The most pieces one transaction carries. */
    static final int MAX_BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Jdbi jdbi;
    private final BlockingQueue<Piece<?>> queue;
    private final Thread writer;
    private volatile boolean open = true;

    private GroupCommit(Jdbi jdbi, boolean batching) {
        this.jdbi = jdbi;
        if (batching) {
            queue = new LinkedBlockingQueue<>();
            writer = new Thread(this::write, "parley-writer");
            writer.setDaemon(true);
            writer.start();
        } else {
            queue = null;
            writer = null;
        }
    }

    /** Each piece in its own transaction on its caller's thread. */
    public static GroupCommit direct(Jdbi jdbi) {
        return new GroupCommit(jdbi, false);
    }

    /** Pieces gathered by one writer thread and committed together. */
    static GroupCommit batching(Jdbi jdbi) {
        return new GroupCommit(jdbi, true);
    }

    /**
     * Runs {@code work} in a transaction and answers what it answered, once that transaction has committed. Call it
     * outside any transaction: a caller holding SQLite's turn would wait for the writer, which waits for the turn.
     */
    public <R> R inTransaction(Function<Handle, R> work) {
        if (writer == null || !open) {
            return jdbi.inTransaction(work::apply);
        }
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a piece of a group commit cannot hand in another; use its handle");
        }
        Piece<R> piece = new Piece<>(work);
        queue.add(piece);
        try {
            return piece.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Runs {@code work} in a transaction and returns once that transaction has committed. */
    public void useTransaction(Consumer<Handle> work) {
        inTransaction(handle -> {
            work.accept(handle);
            return null;
        });
    }

    private void write() {
        Handle handle = null;
        List<Piece<?>> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Piece<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (handle == null) {
                    handle = jdbi.open();
                }
                commit(handle, batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warn("A group of {} writes failed to commit; each caller gets the error", batch.size(), e);
                for (Piece<?> piece : batch) {
                    piece.done.completeExceptionally(e);
                }
                if (handle != null) {
                    closeQuietly(handle);
                    handle = null;
                }
            } finally {
                batch.clear();
            }
        }
        if (handle != null) {
            closeQuietly(handle);
        }
    }

    /** One transaction for the batch, each piece under its own savepoint. */
    private static void commit(Handle handle, List<Piece<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        handle.useTransaction(transaction -> {
            for (int i = 0; i < batch.size(); i++) {
                Piece<?> piece = batch.get(i);
                String savepoint = "piece" + i;
                transaction.savepoint(savepoint);
                Runnable completion;
                try {
                    completion = piece.run(transaction);
                } catch (RuntimeException | Error e) {
                    transaction.rollbackToSavepoint(savepoint);
                    piece.done.completeExceptionally(e);
                    continue;
                }
                transaction.releaseSavepoint(savepoint);
                completions.add(completion);
            }
        });
        completions.forEach(Runnable::run);
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the writer's connection failed", e);
        }
    }

    /** Finishes the writes already handed in, then runs later ones on their callers' threads. */
    @Override
    public void close() {
        if (writer == null || !open) {
            return;
        }
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A caller's write and the future its caller waits on. */
    private static final class Piece<R> {
        private final Function<Handle, R> work;
        private final CompletableFuture<R> done = new CompletableFuture<>();

        Piece(Function<Handle, R> work) {
            this.work = work;
        }

        /** Runs the work; answers how to tell the caller once the transaction has committed. */
        Runnable run(Handle handle) {
            R result = work.apply(handle);
            return () -> done.complete(result);
        }
    }
}
