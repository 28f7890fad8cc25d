package org.parley.classifier;

/**
 * The score bands the model ships with, per category: at {@code nudge} the writer is asked to revise, at
 * {@code hold} a moderator sees the comment first, at {@code reject} it is refused. Bands never decrease.
 */
public final class Thresholds {

    private final float[] nudge;
    private final float[] hold;
    private final float[] reject;

    /** Bands from arrays indexed by {@link Category#ordinal()}; the arrays are copied. */
    public Thresholds(float[] nudge, float[] hold, float[] reject) {
        if (nudge.length != Category.COUNT || hold.length != Category.COUNT || reject.length != Category.COUNT) {
            throw new IllegalArgumentException("need one threshold per category");
        }
        for (int c = 0; c < Category.COUNT; c++) {
            if (!(nudge[c] <= hold[c] && hold[c] <= reject[c])) {
                throw new IllegalArgumentException("bands must not decrease for " + Category.at(c).code());
            }
        }
        this.nudge = nudge.clone();
        this.hold = hold.clone();
        this.reject = reject.clone();
    }

    /** The score from which the writer is asked to revise. */
    public double nudge(Category category) {
        return nudge[category.ordinal()];
    }

    /** The score from which a moderator sees the comment before readers do. */
    public double hold(Category category) {
        return hold[category.ordinal()];
    }

    /** The score from which the comment is refused outright. */
    public double reject(Category category) {
        return reject[category.ordinal()];
    }

    float[] nudges() {
        return nudge.clone();
    }

    float[] holds() {
        return hold.clone();
    }

    float[] rejects() {
        return reject.clone();
    }
}
