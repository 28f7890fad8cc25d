package org.parley.cli;

/** Bad usage found while a command runs (not while parsing): one line on stderr and exit status 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
