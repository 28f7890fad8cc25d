package org.parley.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.classifier.Band;
import org.parley.classifier.Category;
import org.parley.classifier.Scores;
import org.parley.classifier.Thresholds;
import org.parley.site.SiteSettings;

/**
 * Which categories of a comment's scores reach each band (nudge, hold, reject), using the site's own thresholds
 * where it set them and the model's elsewhere. The four categories are judged; {@code uncivil} only where a site
 * set thresholds for it.
 */
public final class CivilityBands {

    private final Thresholds model;
    private final SiteSettings site;

    public CivilityBands(Thresholds model, SiteSettings site) {
        this.model = model;
        this.site = site;
    }

    /** The categories whose score reaches the band, with their scores, strongest first. */
    public Map<Category, Double> reaching(Band band, Scores scores) {
        Map<Category, Double> reached = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            boolean judged = category != Category.UNCIVIL || site.thresholds().containsKey(category.code());
            if (judged && scores.get(category) >= threshold(category, band)) {
                reached.put(category, scores.get(category));
            }
        }
        return sortedByScore(reached);
    }

    public double threshold(Category category, Band band) {
        return site.threshold(category, band).orElseGet(() -> switch (band) {
            case NUDGE -> model.nudge(category);
            case HOLD -> model.hold(category);
            case REJECT -> model.reject(category);
            case NONE -> throw new IllegalArgumentException("no threshold for the band none");
        });
    }

    private static Map<Category, Double> sortedByScore(Map<Category, Double> scores) {
        Map<Category, Double> sorted = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<Category, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
