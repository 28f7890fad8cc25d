package org.parley.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.account.Session;
import org.parley.classifier.Category;
import org.parley.classifier.Classification;
import org.parley.classifier.Classifier;
import org.parley.problem.Problem;

/** {@code POST /api/v1/classify}: the classifier for moderators and integrations (API tokens). */
final class ClassifyApi {

    private static final int MAX_TEXT = 20_000;

    record ClassifyRequest(String text) {
    }

    record SpanView(int start, int end, String category) {
    }

    record ClassifyView(Map<String, Double> scores, List<SpanView> spans, String modelVersion) {
    }

    private final Classifier classifier;
    private final Auth auth;
    private final Requests requests;

    ClassifyApi(Classifier classifier, Auth auth, Requests requests) {
        this.classifier = classifier;
        this.auth = auth;
        this.requests = requests;
    }

    void classify(Context ctx) {
        Session session = auth.requireForChange(ctx);
        if (!session.account().role().canModerate()) {
            throw Problem.forbidden("not_moderator", "The classifier is open to moderators and their API tokens.");
        }
        ClassifyRequest request = requests.body(ctx, ClassifyRequest.class);
        if (request.text() == null) {
            throw Problem.invalid("text", "Send the text to classify in the field 'text'.");
        }
        if (request.text().length() > MAX_TEXT) {
            throw Problem.unprocessable("text_too_long", "Classify at most " + MAX_TEXT + " characters at once.",
                    "text");
        }
        Classification classification = classifier.classify(request.text());
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            scores.put(category.code(), classification.scores().get(category));
        }
        ctx.json(new ClassifyView(scores, classification.spans().stream()
                .map(span -> new SpanView(span.start(), span.end(), span.category().code())).toList(),
                classifier.modelVersion()));
    }
}
