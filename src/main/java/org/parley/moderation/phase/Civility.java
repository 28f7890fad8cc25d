package org.parley.moderation.phase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parley.classifier.Band;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Span;
import org.parley.moderation.CivilityBands;
import org.parley.moderation.GuidelineNudge;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.learning.SiteClassifiers;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;

/**
 * Holds the guidelines with the classifier's scores, in three bands per category: at {@code reject} the comment is
 * rejected; at {@code nudge} a first submission is sent back to its writer (422 {@code guideline_nudge}, nothing
 * stored) with the categories and the words behind them; at {@code hold} a comment sent again as it was, or an
 * edit, waits for a moderator. Reasons are {@code civility.<category>}.
 */
public final class Civility implements Phase {

    private final SiteClassifiers classifiers;

    /** Civility with one classifier's thresholds for every site. */
    public Civility(Classifier classifier) {
        this(SiteClassifiers.shippedOnly(classifier));
    }

    /** Civility with the thresholds of each site's classifier, the one {@code Submissions} scored with. */
    public Civility(SiteClassifiers classifiers) {
        this.classifiers = classifiers;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        CivilityBands bands = new CivilityBands(
                classifiers.forSite(submission.story().site()).thresholds(), submission.settings());
        var scores = submission.classification().scores();
        Map<Category, Double> rejected = bands.reaching(Band.REJECT, scores);
        if (!rejected.isEmpty()) {
            return Optional.of(new Verdict(org.parley.comment.CommentStatus.REJECTED, reasons(rejected,
                    "The comment was not published: it reads as ")));
        }
        Map<Category, Double> nudged = bands.reaching(Band.NUDGE, scores);
        if (!nudged.isEmpty() && !submission.revised()) {
            List<Span> spans = submission.classification().spans().stream()
                    .filter(span -> nudged.containsKey(span.category()))
                    .toList();
            throw new GuidelineNudge("Your comment may break the community guidelines: it reads as "
                    + describe(nudged) + ". You can edit it, or post it as it is and a moderator may review it.",
                    codes(nudged), spans.isEmpty() ? submission.classification().spans() : spans);
        }
        Map<Category, Double> held = bands.reaching(Band.HOLD, scores);
        if (!held.isEmpty()) {
            return Optional.of(new Verdict(org.parley.comment.CommentStatus.PENDING, reasons(held,
                    "A moderator will look at this comment first: it may contain ")));
        }
        return Optional.empty();
    }

    private static List<Reason> reasons(Map<Category, Double> categories, String lead) {
        return categories.keySet().stream()
                .map(category -> new Reason("civility." + category.code(), lead + plainWords(category) + "."))
                .toList();
    }

    /** The categories by their contract codes, in the same order, as the nudge's answer carries them. */
    private static Map<String, Double> codes(Map<Category, Double> categories) {
        Map<String, Double> codes = new LinkedHashMap<>();
        categories.forEach((category, score) -> codes.put(category.code(), score));
        return codes;
    }

    private static String describe(Map<Category, Double> categories) {
        return categories.keySet().stream().map(Civility::plainWords).collect(Collectors.joining(" and "));
    }

    /** What a category means, in words a reader understands. */
    static String plainWords(Category category) {
        return switch (category) {
            case RUDE -> "rude or vulgar language";
            case AGGRESSIVE -> "threats or aggression";
            case DEROGATORY -> "insults or a personal attack";
            case DISCRIMINATORY -> "an attack on people for who they are";
            case UNCIVIL -> "uncivil language";
        };
    }
}
