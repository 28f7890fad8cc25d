package org.parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.classifier.BandRates;
import org.parley.classifier.BiasMetrics;
import org.parley.classifier.Classifier;
import org.parley.classifier.Evaluation;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Progress;
import org.parley.classifier.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley evaluate --data FILE… [--model FILE] [--split S] [--bias] [--html FILE]}: per data file, prints
 * each category's ROC-AUC, average precision and precision/recall at the model's thresholds, then the share of
 * civil and of uncivil rows nudged, held and rejected at the model's bands.
 */
@Command(name = "evaluate", description = "Measure a classifier model on labelled CSV files.")
public final class EvaluateCommand implements Runnable {

    /** Which rows to measure on. */
    enum Rows { TEST, DEV, TRAIN, ALL }

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "CSV files with a text column and 0/1 columns named after the categories.")
    List<Path> data;

    @Option(names = "--model", paramLabel = "FILE", description = "A model file (default: the shipped model).")
    Path model;

    @Option(names = "--split", paramLabel = "S", defaultValue = "test",
            description = "Rows to use: test (default), dev, train or all; all for files kept out of training.")
    String split;

    @Option(names = "--source-split", paramLabel = "NAME",
            description = "Keep only rows whose own split column says NAME (e.g. out_of_context).")
    String sourceSplit;

    @Option(names = "--bias", description = "Also report identity-term bias metrics (subgroup AUC, BPSN, BNSP).")
    boolean bias;

    @Option(names = "--dev-threshold", description = "Also report each category's macro-F1 at the threshold that"
            + " maximizes F1 on the same file's dev rows (how OffensEval-style scores are usually reported).")
    boolean devThreshold;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with ROC curves.")
    Path html;

    @Override
    public void run() {
        Rows rows = rows();
        if (model != null && !Files.isRegularFile(model)) {
            throw new UsageException("no such model file: " + model);
        }
        Classifier classifier = model == null ? Classifier.loadDefault() : Classifier.load(model);
        System.out.println("model " + classifier.modelVersion() + (model == null ? " (shipped)" : " (" + model + ")"));
        HtmlReport report = new HtmlReport();
        Progress progress = ProgressBar.onTerminal();
        List<LabeledText> together = new ArrayList<>();
        List<double[]> togetherScores = new ArrayList<>();
        for (Path file : data) {
            List<LabeledText> all = DataFiles.read(file);
            List<LabeledText> examples = select(all, rows, sourceSplit);
            String title = String.format(Locale.ROOT, "%s: %,d examples, split %s%s", file.getFileName(),
                    examples.size(), rows.name().toLowerCase(Locale.ROOT),
                    sourceSplit == null ? "" : ", source split " + sourceSplit);
            if (examples.isEmpty()) {
                System.out.println(title + ": nothing to measure\n");
                continue;
            }
            double[][] scores = Evaluation.scoreAll(classifier, examples, progress);
            Evaluation evaluation = Evaluation.of(examples, scores, classifier.thresholds());
            System.out.println(EvaluationTable.of(title, evaluation));
            System.out.println(EvaluationTable.bands(BandRates.of(examples, scores, classifier.thresholds())));
            together.addAll(examples);
            togetherScores.addAll(List.of(scores));
            if (devThreshold) {
                List<LabeledText> dev = select(all, Rows.DEV, sourceSplit);
                Evaluation onDev = Evaluation.of(dev, Evaluation.scoreAll(classifier, dev, progress),
                        classifier.thresholds());
                System.out.println(EvaluationTable.devTuned("dev-tuned thresholds, " + file.getFileName()
                        + " (" + dev.size() + " dev rows)", onDev, evaluation));
            }
            if (bias) {
                System.out.println(EvaluationTable.bias("identity bias on uncivil, " + file.getFileName(),
                        BiasMetrics.of(examples, scores)));
            }
            report.add(title, evaluation);
        }
        if (data.size() > 1 && !together.isEmpty()) {
            System.out.printf(Locale.ROOT, "all %d files together: %,d examples%n", data.size(), together.size());
            System.out.println(EvaluationTable.bands(BandRates.of(together, togetherScores.toArray(double[][]::new),
                    classifier.thresholds())));
        }
        if (html != null) {
            try {
                Files.writeString(html, report.html(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot write " + html + ": " + e.getMessage());
            }
        }
    }

    private Rows rows() {
        try {
            return Rows.valueOf(split.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--split must be test, dev, train or all, not '" + split + "'");
        }
    }

    private static List<LabeledText> select(List<LabeledText> examples, Rows rows, String sourceSplit) {
        List<LabeledText> selected = new ArrayList<>();
        for (LabeledText example : examples) {
            boolean inRows = rows == Rows.ALL || example.split() == Split.valueOf(rows.name());
            if (inRows && (sourceSplit == null || sourceSplit.equals(example.sourceSplit()))) {
                selected.add(example);
            }
        }
        return selected;
    }
}
