package org.parley.moderation.phase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parley.classifier.Classifier;
import org.parley.classifier.Span;
import org.parley.moderation.CivilityBands;
import org.parley.moderation.GuidelineNudge;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.SiteClassifiers;
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
        Map<String, Double> rejected = bands.reaching("reject", scores);
        if (!rejected.isEmpty()) {
            return Optional.of(new Verdict(org.parley.comment.CommentStatus.REJECTED, reasons(rejected,
                    "The comment was not published: it reads as ")));
        }
        Map<String, Double> nudged = bands.reaching("nudge", scores);
        if (!nudged.isEmpty() && !submission.revised()) {
            List<Span> spans = submission.classification().spans().stream()
                    .filter(span -> nudged.containsKey(span.category().code()))
                    .toList();
            throw new GuidelineNudge("Your comment may break the community guidelines: it reads as "
                    + describe(nudged) + ". You can edit it, or post it as it is and a moderator may review it.",
                    nudged, spans.isEmpty() ? submission.classification().spans() : spans);
        }
        Map<String, Double> held = bands.reaching("hold", scores);
        if (!held.isEmpty()) {
            return Optional.of(new Verdict(org.parley.comment.CommentStatus.PENDING, reasons(held,
                    "A moderator will look at this comment first: it may contain ")));
        }
        return Optional.empty();
    }

    private static List<Reason> reasons(Map<String, Double> categories, String lead) {
        return categories.keySet().stream()
                .map(category -> new Reason("civility." + category, lead + plainWords(category) + "."))
                .toList();
    }

    private static String describe(Map<String, Double> categories) {
        return categories.keySet().stream().map(Civility::plainWords).collect(Collectors.joining(" and "));
    }

    /** What a category means, in words a reader understands. */
    static String plainWords(String category) {
        return switch (category) {
            case "rude" -> "rude or vulgar language";
            case "aggressive" -> "threats or aggression";
            case "derogatory" -> "insults or a personal attack";
            case "discriminatory" -> "an attack on people for who they are";
            default -> "uncivil language";
        };
    }
}
