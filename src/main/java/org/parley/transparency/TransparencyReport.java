package org.parley.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a site did about content in a period, as Art. 15 and 24 of the Digital Services Act ask a provider to
 * publish (docs/dsa.md maps each field to the article). Counts are of events in the period: notices received,
 * restrictions made, appeals received; their outcomes are as they stand when the report is made.
 */
public record TransparencyReport(String site, LocalDate from, LocalDate to, Instant generatedAt, Notices notices,
        Actions actions, Appeals appeals, Overturns automatedOverturns, AccountRestrictions accountRestrictions) {

    /**
     * Notices of illegal content (Art. 16) received in the period.
     *
     * @param byCategory notices by legal category code
     * @param byStatus notices by where they stand: open, actioned (the content was removed), dismissed
     * @param medianHoursToAction from receipt to the decision, over the notices decided; null when none is
     */
    public record Notices(long received, Map<String, Long> byCategory, Map<String, Long> byStatus,
            Double medianHoursToAction) {
    }

    /**
     * Restrictions of comments made in the period (held, rejected, removed), on the site's guidelines or on a
     * notice's legal ground.
     *
     * @param byType restrictions by the log's action: held, rejected (by the pipeline), reject, remove (by people;
     *     a removal on a notice is a reject on the ground illegal), and appeal_upheld when an upheld notifier's
     *     appeal removed a comment
     * @param byGround restrictions by ground: guidelines or illegal
     * @param byCategory restrictions by the guideline or legal category they rest on ({@code other} for the
     *     pipeline's other rules: word lists, link limits, premoderation, reports)
     * @param automatedDetection restrictions of content that automated means flagged by what it says (the
     *     classifier, word lists, the link limit), whoever decided; holds by policy (premoderation, new or guest
     *     authors) and by readers' reports are not automated detection
     * @param automatedDecision restrictions decided by the pipeline alone
     * @param humanDecision restrictions decided by a moderator
     * @param automatedShare automatedDecision over total, 0 when there were none
     * @param medianHoursToHumanDecision from a comment being held to a moderator deciding it, over the held
     *     comments decided in the period; null when none was
     */
    public record Actions(long total, Map<String, Long> byType, Map<String, Long> byGround,
            Map<String, Long> byCategory, long automatedDetection, long automatedDecision, long humanDecision,
            double automatedShare, Double medianHoursToHumanDecision) {
    }

    /**
     * Internal complaints (Art. 20) received in the period, by where they stand now.
     *
     * @param medianHoursToDecision from receipt to the decision, over those decided; null when none is
     */
    public record Appeals(long received, long open, long upheld, long dismissed, Double medianHoursToDecision) {
    }

    /**
     * How often people went the other way from the automated means, over the decisions people made in the period
     * on comments the pipeline had published, or held or rejected for what they say: approving or upholding an
     * appeal on what it held or rejected, rejecting or removing what it published. Holds by policy (premoderation)
     * are not the automated means' judgement, so approving them is no overturn.
     */
    public record Overturns(long decisions, long overturned, double rate) {
    }

    /** Accounts suspended or banned in the period; these hold for every site of the installation. */
    public record AccountRestrictions(long suspensions, long bans) {
    }
}
