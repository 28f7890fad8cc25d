package org.parley.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.classifier.Category;
import org.parley.classifier.Classification;
import org.parley.classifier.Classifier;
import org.parley.classifier.Span;
import org.parley.classifier.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley classify [--model FILE] [--bands]}: JSON Lines in, JSON Lines out, one answer per input line and in order.
 * Streams: reads a line, answers it, keeps nothing, so memory stays constant however long the input. Output is
 * flushed whenever no more input is waiting, so an interactive caller gets each answer at once.
 */
@Command(name = "classify", description = "Score JSON Lines {\"id\", \"text\"} from stdin, one answer per line.")
public final class ClassifyCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", paramLabel = "FILE", description = "A model file (default: the shipped model).")
    Path model;

    @Option(names = "--bands", description = "Also give the band the scores reach at the model's thresholds"
            + " (\"band\": none, nudge, hold or reject) and the category that set it (\"bandCategory\").")
    boolean bands;

    @Override
    public void run() {
        if (model != null && !Files.isRegularFile(model)) {
            throw new UsageException("no such model file: " + model);
        }
        Classifier classifier = model == null ? Classifier.loadDefault() : Classifier.load(model);
        try {
            classifyLines(classifier, bands, System.in, System.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every line of {@code in} on {@code out}; a line that is not a valid request gets an error answer. */
    static void classifyLines(Classifier classifier, boolean bands, InputStream in, OutputStream out)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonFactory factory = JSON.getFactory();
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try (JsonGenerator json = factory.createGenerator(writer)) {
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                answer(classifier, bands, line, lineNumber, json);
            }
            writer.write('\n');
            if (!reader.ready()) {
                writer.flush();
            }
        }
        writer.flush();
    }

    private static void answer(Classifier classifier, boolean bands, String line, long lineNumber,
            JsonGenerator json) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            error(json, lineNumber, "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (request == null || !request.isObject()) {
            error(json, lineNumber, "expected a JSON object with \"id\" and \"text\"");
            return;
        }
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual()) {
            error(json, lineNumber, "\"text\" must be a string");
            return;
        }
        Classification classification = classifier.classify(text.asText());
        json.writeStartObject();
        json.writeFieldName("id");
        JSON.writeTree(json, request.has("id") ? request.get("id") : JSON.nullNode());
        json.writeObjectFieldStart("scores");
        for (Category category : Category.values()) {
            json.writeNumberField(category.code(), round(classification.scores().get(category)));
        }
        json.writeEndObject();
        json.writeArrayFieldStart("spans");
        for (Span span : classification.spans()) {
            json.writeStartObject();
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
            json.writeStringField("category", span.category().code());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (bands) {
            Thresholds.Verdict verdict = classifier.thresholds().verdict(classification.scores());
            json.writeStringField("band", verdict.band().code());
            if (verdict.category() == null) {
                json.writeNullField("bandCategory");
            } else {
                json.writeStringField("bandCategory", verdict.category().code());
            }
        }
        json.writeEndObject();
    }

    private static void error(JsonGenerator json, long lineNumber, String message) throws IOException {
        json.writeStartObject();
        json.writeNumberField("line", lineNumber);
        json.writeStringField("error", message);
        json.writeEndObject();
    }

    private static double round(double p) {
        return Math.round(p * 10000) / 10000.0;
    }
}
