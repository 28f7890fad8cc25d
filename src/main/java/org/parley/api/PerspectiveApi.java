package org.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.classifier.Category;
import org.parley.classifier.Classification;
import org.parley.classifier.Classifier;
import org.parley.classifier.Scores;
import org.parley.classifier.Span;
import org.parley.classifier.Thresholds;

/**
 * {@code POST /v1alpha1/comments:analyze}: Google's Perspective API request and response, answered by our
 * classifier, so that tools written for Perspective switch by changing the base URL (docs/perspective.md).
 * Errors take Perspective's shape {@code {error: {code, message, status}}}, not ours. Nothing of the request is
 * stored, whatever {@code doNotStore} says.
 */
final class PerspectiveApi {

    private static final int MAX_TEXT = 20_000;

    /** A Perspective attribute and where its probability comes from. */
    enum Attribute {
        TOXICITY(Category.UNCIVIL),
        SEVERE_TOXICITY(null),
        IDENTITY_ATTACK(Category.DISCRIMINATORY),
        INSULT(Category.DEROGATORY),
        PROFANITY(Category.RUDE),
        THREAT(Category.AGGRESSIVE);

        /** The category scored, or null for SEVERE_TOXICITY, which is read from the reject band. */
        final Category category;

        Attribute(Category category) {
            this.category = category;
        }

        static Optional<Attribute> named(String name) {
            for (Attribute attribute : values()) {
                if (attribute.name().equals(name)) {
                    return Optional.of(attribute);
                }
            }
            return Optional.empty();
        }
    }

    /** A refusal in Perspective's error shape. */
    static final class PerspectiveError extends RuntimeException {

        final int code;
        final String status;

        PerspectiveError(int code, String status, String message) {
            super(message, null, false, false);
            this.code = code;
            this.status = status;
        }

        static PerspectiveError invalid(String message) {
            return new PerspectiveError(400, "INVALID_ARGUMENT", message);
        }
    }

    private record Requested(Attribute attribute, Double threshold) {
    }

    /** A request once checked; {@code languages} is null when it named none. */
    private record Analysis(String text, List<Requested> attributes, List<String> languages, boolean spans,
            String clientToken) {
    }

    private final Classifier classifier;
    private final Accounts accounts;
    private final ObjectMapper mapper;

    PerspectiveApi(Classifier classifier, Accounts accounts, ObjectMapper mapper) {
        this.classifier = classifier;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    void analyze(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            authorize(ctx);
            ctx.json(answer(parse(ctx)));
        } catch (PerspectiveError e) {
            ctx.status(e.code).json(Map.of("error", Map.of("code", e.code, "message", e.getMessage(),
                    "status", e.status)));
        }
    }

    private void authorize(Context ctx) {
        String key = ctx.queryParam("key");
        if (key == null || key.isBlank()) {
            key = ctx.header("X-Goog-Api-Key");
        }
        if (key == null || key.isBlank()) {
            throw new PerspectiveError(403, "PERMISSION_DENIED", "The request is missing a valid API key.");
        }
        Account account = accounts.findByToken(key.strip()).orElseThrow(() -> new PerspectiveError(401,
                "UNAUTHENTICATED", "API key not valid. Please pass a valid API key."));
        if (!account.role().canModerate()) {
            throw new PerspectiveError(403, "PERMISSION_DENIED",
                    "This API key belongs to a reader; use a moderator's or an admin's token.");
        }
    }

    private Analysis parse(Context ctx) {
        JsonNode request;
        try {
            request = mapper.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw PerspectiveError.invalid("Invalid JSON payload received.");
        }
        if (request == null || !request.isObject()) {
            throw PerspectiveError.invalid("Invalid JSON payload received. Expected an object.");
        }
        JsonNode comment = request.path("comment");
        JsonNode text = comment.path("text");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw PerspectiveError.invalid("Comment must be non-empty.");
        }
        if (text.asText().length() > MAX_TEXT) {
            throw PerspectiveError.invalid("Comment text too long; at most " + MAX_TEXT + " characters.");
        }
        String type = comment.path("type").asText("PLAIN_TEXT");
        if (!"PLAIN_TEXT".equals(type)) {
            throw PerspectiveError.invalid("Comment type " + type + " is not supported; send PLAIN_TEXT.");
        }
        List<Requested> attributes = attributes(request.path("requestedAttributes"));
        List<String> languages = languages(request.path("languages"), attributes);
        return new Analysis(text.asText(), attributes, languages, request.path("spanAnnotations").asBoolean(false),
                request.path("clientToken").isTextual() ? request.get("clientToken").asText() : null);
    }

    private static List<Requested> attributes(JsonNode requested) {
        if (!requested.isObject() || requested.isEmpty()) {
            throw PerspectiveError.invalid("No requested attributes provided.");
        }
        List<Requested> attributes = new ArrayList<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) requested::fields) {
            Attribute attribute = Attribute.named(field.getKey()).orElseThrow(() -> PerspectiveError.invalid(
                    "Attribute " + field.getKey() + " does not exist for language en."));
            JsonNode options = field.getValue();
            String scoreType = options.path("scoreType").asText("PROBABILITY");
            if (!"PROBABILITY".equals(scoreType)) {
                throw PerspectiveError.invalid("Score type " + scoreType + " is not supported for attribute "
                        + attribute + "; use PROBABILITY.");
            }
            JsonNode threshold = options.path("scoreThreshold");
            if (!threshold.isMissingNode() && !threshold.isNull()
                    && (!threshold.isNumber() || threshold.asDouble() < 0 || threshold.asDouble() > 1)) {
                throw PerspectiveError.invalid("scoreThreshold of " + attribute + " must lie between 0 and 1.");
            }
            attributes.add(new Requested(attribute, threshold.isNumber() ? threshold.asDouble() : null));
        }
        return attributes;
    }

    /** The languages asked for (every one must be English), or null when the request named none. */
    private static List<String> languages(JsonNode languages, List<Requested> attributes) {
        if (languages.isMissingNode() || languages.isNull() || languages.isArray() && languages.isEmpty()) {
            return null;
        }
        if (!languages.isArray()) {
            throw PerspectiveError.invalid("languages must be a list of language codes.");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode language : languages) {
            String code = language.asText("");
            String primary = code.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (!"en".equals(primary)) {
                throw PerspectiveError.invalid("Attribute " + attributes.get(0).attribute()
                        + " does not support request languages: " + code);
            }
            codes.add(code);
        }
        return codes;
    }

    private Map<String, Object> answer(Analysis request) {
        String text = request.text();
        Classification classification = classifier.classify(text);
        Map<String, Object> scores = new LinkedHashMap<>();
        for (Requested requested : request.attributes()) {
            double value = probability(requested.attribute(), classification.scores());
            if (requested.threshold() != null && value < requested.threshold()) {
                continue;
            }
            Map<String, Object> score = new LinkedHashMap<>();
            if (request.spans()) {
                score.put("spanScores", spanScores(requested.attribute(), text, classification, value));
            }
            score.put("summaryScore", score(value));
            scores.put(requested.attribute().name(), score);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("attributeScores", scores);
        answer.put("languages", request.languages() == null ? List.of("en") : request.languages());
        if (request.languages() == null) {
            answer.put("detectedLanguages", List.of("en"));
        }
        if (request.clientToken() != null) {
            answer.put("clientToken", request.clientToken());
        }
        return answer;
    }

    /**
     * The attribute's probability: the category's score, or for SEVERE_TOXICITY the strongest of the four
     * categories measured against its reject threshold (see {@link #againstReject}).
     */
    private double probability(Attribute attribute, Scores scores) {
        if (attribute.category != null) {
            return round(scores.get(attribute.category));
        }
        Thresholds thresholds = classifier.thresholds();
        double strongest = 0;
        for (Category category : Category.values()) {
            if (category != Category.UNCIVIL) {
                strongest = Math.max(strongest, againstReject(scores.get(category), thresholds.reject(category)));
            }
        }
        return round(strongest);
    }

    /**
     * A score rescaled so that the reject threshold lands on 0.5: linear from 0 to the threshold (0 to 0.5) and
     * from the threshold to 1 (0.5 to 1). So SEVERE_TOXICITY reaches 0.5 exactly when Parley would reject.
     */
    static double againstReject(double score, double reject) {
        if (reject <= 0) {
            return 1;
        }
        if (score < reject) {
            return 0.5 * score / reject;
        }
        return reject >= 1 ? 1 : 0.5 + 0.5 * (score - reject) / (1 - reject);
    }

    /**
     * The passages behind the attribute, each scored on its own text; when the classifier marked none (or for
     * SEVERE_TOXICITY), one span over the whole text with the summary value.
     */
    private List<Map<String, Object>> spanScores(Attribute attribute, String text, Classification classification,
            double summary) {
        List<Map<String, Object>> spans = new ArrayList<>();
        if (attribute.category != null) {
            for (Span span : classification.spans()) {
                if (attribute.category == Category.UNCIVIL || span.category() == attribute.category) {
                    double value = classifier.score(text.substring(span.start(), span.end()))
                            .get(attribute.category);
                    spans.add(span(span.start(), span.end(), round(value)));
                }
            }
        }
        if (spans.isEmpty()) {
            spans.add(span(0, text.length(), summary));
        }
        return spans;
    }

    private static Map<String, Object> span(int begin, int end, double value) {
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("begin", begin);
        span.put("end", end);
        span.put("score", score(value));
        return span;
    }

    private static Map<String, Object> score(double value) {
        return Map.of("value", value, "type", "PROBABILITY");
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
