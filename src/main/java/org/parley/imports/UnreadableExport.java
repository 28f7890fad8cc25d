package org.parley.imports;

/** An export that cannot be imported at all (not well-formed, not of the format named); nothing was stored. */
public final class UnreadableExport extends RuntimeException {

    public UnreadableExport(String message) {
        super(message, null, false, false);
    }
}
