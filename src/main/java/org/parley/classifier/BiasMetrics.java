package org.parley.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity-bias metrics of the Jigsaw Unintended Bias challenge (Borkan et al. 2019), on the {@code uncivil}
 * score, for each identity term mentioned in enough examples: subgroup AUC (examples that mention the term),
 * BPSN (background positives with subgroup negatives: low when mentioning the identity raises civil texts'
 * scores) and BNSP (background negatives with subgroup positives: low when attacks on the group score low).
 */
public final class BiasMetrics {

    /** Identity terms as they appear in the bias sets, our own list in the spirit of Dixon et al. 2018. */
    private static final List<String> TERMS = List.of("lesbian", "gay", "bisexual", "transgender", "trans", "queer",
            "lgbt", "lgbtq", "homosexual", "heterosexual", "straight", "nonbinary", "male", "female", "man", "woman",
            "men", "women", "african", "african american", "black", "white", "european", "hispanic", "latino",
            "latina", "latinx", "mexican", "canadian", "american", "asian", "indian", "middle eastern", "chinese",
            "japanese", "christian", "muslim", "jewish", "jew", "buddhist", "catholic", "protestant", "sikh", "taoist",
            "atheist", "old", "older", "young", "younger", "teenage", "millenial", "middle aged", "elderly", "blind",
            "deaf", "paralyzed", "immigrant", "refugee");

    /** Subgroups with fewer positives or negatives than this are not reported. */
    static final int MIN_EACH = 10;

    /** One identity term's metrics; {@code positives} and {@code negatives} count the subgroup's examples. */
    public record Subgroup(String term, int positives, int negatives, double subgroupAuc, double bpsn, double bnsp) {
    }

    private BiasMetrics() {
    }

    /** The metrics per identity term over examples labelled for {@code uncivil}. */
    public static List<Subgroup> of(List<LabeledText> examples, double[][] scores) {
        int c = Category.UNCIVIL.ordinal();
        List<Subgroup> subgroups = new ArrayList<>();
        for (String term : TERMS) {
            Pattern mention = Pattern.compile("\\b" + Pattern.quote(term) + "\\b");
            int n = examples.size();
            boolean[] inGroup = new boolean[n];
            boolean[] known = new boolean[n];
            boolean[] label = new boolean[n];
            int groupPositives = 0;
            int groupNegatives = 0;
            for (int i = 0; i < n; i++) {
                byte value = examples.get(i).impliedLabels()[c];
                known[i] = value != LabeledText.UNKNOWN;
                label[i] = value == 1;
                inGroup[i] = known[i] && mention.matcher(examples.get(i).text().toLowerCase(Locale.ROOT)).find();
                if (inGroup[i]) {
                    groupPositives += label[i] ? 1 : 0;
                    groupNegatives += label[i] ? 0 : 1;
                }
            }
            if (groupPositives < MIN_EACH || groupNegatives < MIN_EACH) {
                continue;
            }
            subgroups.add(new Subgroup(term, groupPositives, groupNegatives,
                    auc(scores, c, known, label, inGroup, (group, positive) -> group),
                    auc(scores, c, known, label, inGroup, (group, positive) -> group != positive),
                    auc(scores, c, known, label, inGroup, (group, positive) -> group == positive)));
        }
        return subgroups;
    }

    /** Which examples a metric compares, from whether they mention the term and whether they are positive. */
    private interface Selection {
        boolean keeps(boolean inGroup, boolean positive);
    }

    private static double auc(double[][] scores, int c, boolean[] known, boolean[] label, boolean[] inGroup,
            Selection selection) {
        double[] kept = new double[scores.length];
        boolean[] keptLabels = new boolean[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (known[i] && selection.keeps(inGroup[i], label[i])) {
                kept[n] = scores[i][c];
                keptLabels[n] = label[i];
                n++;
            }
        }
        return new RankedScores(Arrays.copyOf(kept, n), Arrays.copyOf(keptLabels, n)).rocAuc();
    }
}
