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

    /** The threshold of one band ({@link Band#NONE} has none). */
    public double of(Category category, Band band) {
        return switch (band) {
            case NUDGE -> nudge(category);
            case HOLD -> hold(category);
            case REJECT -> reject(category);
            case NONE -> throw new IllegalArgumentException("the band none has no threshold");
        };
    }

    /**
     * The strongest band that any of the four categories reaches, and the category that reaches it (the one
     * furthest past its threshold). The umbrella {@code uncivil} sets no band: a nudge must name what it is about.
     */
    public Verdict verdict(Scores scores) {
        Band strongest = Band.NONE;
        Category by = null;
        double margin = Double.NEGATIVE_INFINITY;
        for (Category category : Category.JUDGED) {
            for (Band band : Band.LEVELS) {
                double past = logit(scores.get(category)) - logit(of(category, band));
                if (past >= 0 && (band.ordinal() > strongest.ordinal()
                        || band == strongest && past > margin)) {
                    strongest = band;
                    by = category;
                    margin = past;
                }
            }
        }
        return new Verdict(strongest, by);
    }

    /**
     * How far the comment is past its nearest nudge, in logits: at 0 or above some category reaches its nudge band.
     * A ranking score that agrees with {@link #verdict} about nudging, for ROC curves and rates at a recall.
     */
    public double severity(Scores scores) {
        double severity = Double.NEGATIVE_INFINITY;
        for (Category category : Category.JUDGED) {
            severity = Math.max(severity, logit(scores.get(category)) - logit(nudge(category)));
        }
        return severity;
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
        return Math.log(q / (1 - q));
    }

    /** A band and the category that set it (null for {@link Band#NONE}). */
    public record Verdict(Band band, Category category) {
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
