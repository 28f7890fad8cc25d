package org.parley.learning;

import java.time.Instant;
import java.util.Map;

/**
 * One model trained for a site from its moderators' decisions, with how it compared to the model it would replace
 * on the site's held-back decisions. Metrics are ROC-AUC, null where the held-back slice lacks a class.
 *
 * @param baseVersion the model it was compared with: the site's active model then, or the shipped one
 * @param metricBefore ROC-AUC of {@code uncivil} for the base model on the held-back decisions
 * @param metricAfter the same for this model
 * @param categoryMetrics per category the held-back slice labels: {@code [before, after]}
 * @param heldBack how many held-back decisions were compared on
 * @param examples how many of the site's decisions it was trained on
 */
public record SiteModel(String siteId, String version, Instant createdAt, String createdBy, boolean active,
        String baseVersion, Double metricBefore, Double metricAfter, Map<String, Double[]> categoryMetrics,
        int heldBack, int examples) {
}
