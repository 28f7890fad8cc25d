package org.parley.classifier;

import java.util.Arrays;

/**
 * Fits a logistic regression on dense features by full-batch gradient descent with Adam steps (step 0.05) and L2
 * on the weights, not the bias: what the encoder heads and the site heads are trained with. Deterministic: rows are
 * visited in the order given.
 */
final class LogisticFit {

    private static final double STEP = 0.05;

    private LogisticFit() {
    }

    /**
     * The weights, then the bias last, fitted on the given rows of {@code x} with their labels (0 or 1) and weights
     * ({@code null}: each row counts once), the loss averaged over the rows' total weight.
     */
    static double[] fit(float[][] x, int[] rows, byte[] labels, double[] rowWeights, double l2, int iterations) {
        int d = x[rows[0]].length;
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            total += rowWeights == null ? 1.0 : rowWeights[i];
        }
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] gradient = new double[d + 1];
        for (int step = 1; step <= iterations; step++) {
            Arrays.fill(gradient, 0);
            for (int i = 0; i < rows.length; i++) {
                float[] row = x[rows[i]];
                double g = (rowWeights == null ? 1.0 : rowWeights[i]) * (1 / (1 + Math.exp(-logit(w, row)))
                        - labels[i]) / total;
                for (int j = 0; j < d; j++) {
                    gradient[j] += g * row[j];
                }
                gradient[d] += g;
            }
            for (int j = 0; j <= d; j++) {
                double g = gradient[j] + (j < d ? l2 * w[j] : 0);
                m[j] = 0.9 * m[j] + 0.1 * g;
                v[j] = 0.999 * v[j] + 0.001 * g * g;
                double mHat = m[j] / (1 - Math.pow(0.9, step));
                double vHat = v[j] / (1 - Math.pow(0.999, step));
                w[j] -= STEP * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return w;
    }

    /** The logit of a row under weights whose last entry is the bias. */
    static double logit(double[] w, float[] row) {
        double z = w[row.length];
        for (int j = 0; j < row.length; j++) {
            z += w[j] * row[j];
        }
        return z;
    }
}
