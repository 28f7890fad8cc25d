package org.parley.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.classifier.Category;
import org.parley.classifier.Scores;
import org.parley.classifier.Thresholds;

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
    public Map<String, Double> reaching(String band, Scores scores) {
        Map<String, Double> reached = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            boolean judged = category != Category.UNCIVIL || site.thresholds().containsKey(category.code());
            if (judged && scores.get(category) >= threshold(category, band)) {
                reached.put(category.code(), scores.get(category));
            }
        }
        return sortedByScore(reached);
    }

    public double threshold(Category category, String band) {
        return site.threshold(category.code(), band).orElseGet(() -> switch (band) {
            case "nudge" -> model.nudge(category);
            case "hold" -> model.hold(category);
            case "reject" -> model.reject(category);
            default -> throw new IllegalArgumentException("no band " + band);
        });
    }

    private static Map<String, Double> sortedByScore(Map<String, Double> scores) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
