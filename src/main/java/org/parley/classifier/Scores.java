package org.parley.classifier;

/** The classifier's probabilities, each in [0, 1], that a text belongs to each {@link Category}. */
public record Scores(double rude, double aggressive, double derogatory, double discriminatory, double uncivil) {

    /** Scores from an array indexed by {@link Category#ordinal()}. */
    static Scores of(double[] byCategory) {
        return new Scores(byCategory[0], byCategory[1], byCategory[2], byCategory[3], byCategory[4]);
    }

    /** The probability for one category. */
    public double get(Category category) {
        return switch (category) {
            case RUDE -> rude;
            case AGGRESSIVE -> aggressive;
            case DEROGATORY -> derogatory;
            case DISCRIMINATORY -> discriminatory;
            case UNCIVIL -> uncivil;
        };
    }
}
