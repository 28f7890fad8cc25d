package org.parley.store;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Lets one transaction at a time into SQLite, queueing the others on a lock in this process.
 *
 * <p>SQLite has a single writer, and every transaction here begins IMMEDIATE, so it takes the write lock at once.
 * Without this queue, transactions that arrive together all ask SQLite and all but one are refused; each refused
 * one sleeps in SQLite's busy handler (1, 2, 5, 10 … ms) and asks again. Under load those sleeps, not the work,
 * set the pace: a post's own transaction takes well under a millisecond. Waiting on a Java lock wakes the next
 * writer the moment the previous one commits. The busy timeout still covers what is outside this process
 * ({@code parley backup} or {@code import} against a live database) and single statements outside transactions;
 * writes that every request makes run as transactions so that they queue here too.
 *
 * <p>Nested transactions run in the outer one's turn. PostgreSQL has no such limit and does not use this.
 */
final class SingleWriter extends DelegatingTransactionHandler {

    private final ReentrantLock turn;

    SingleWriter(TransactionHandler delegate) {
        this(delegate, new ReentrantLock());
    }

    private SingleWriter(TransactionHandler delegate, ReentrantLock turn) {
        super(delegate);
        this.turn = turn;
    }

    /** Each handle gets the delegate's handler for that handle, sharing this one queue. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SingleWriter(getDelegate().specialize(handle), turn);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (getDelegate().isInTransaction(handle)) {
            return getDelegate().inTransaction(handle, callback);
        }
        turn.lock();
        try {
            return getDelegate().inTransaction(handle, callback);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        if (getDelegate().isInTransaction(handle)) {
            return getDelegate().inTransaction(handle, level, callback);
        }
        turn.lock();
        try {
            return getDelegate().inTransaction(handle, level, callback);
        } finally {
            turn.unlock();
        }
    }
}
