package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Embeddings;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Split;
import org.parley.classifier.Thresholds;
import org.parley.classifier.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley train --data FILE… --out FILE}: trains a civility model on the train split of the given CSV
 * files, adds sentence-encoder heads mixed on their dev split, chooses its thresholds there and writes it. With
 * {@code --from-decisions --site S} it trains a site model instead, from the site's moderator decisions, and stores
 * it in the Parley database inactive; with {@code --site-examples FILE.csv --out FILE} the same site model from an
 * archive's examples, into a file (see {@link DecisionTraining}). {@code --parley-data} names the database folder,
 * since {@code --data} names the CSV files.
 */
@Command(name = "train", description = "Train a classifier model from labelled CSV files.")
public final class TrainCommand implements Runnable {

    @Option(names = "--data", arity = "1..*", paramLabel = "FILE",
            description = "CSV files with a text column and 0/1 columns named after the categories.")
    List<Path> data = List.of();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--from-decisions", description = "Train a model for --site from its moderators' decisions"
            + " and store it in the Parley database, inactive.")
    boolean fromDecisions;

    @Option(names = "--site", paramLabel = "SITE", description = "The site whose decisions to learn from.")
    String site;

    @Option(names = "--min-examples", paramLabel = "N",
            description = "Refuse to train on fewer usable decisions (default 50).")
    int minExamples = 50;

    @Option(names = "--parley-data", paramLabel = "DIR",
            description = "With --from-decisions: folder of the embedded SQLite database (default: ./parley-data).")
    Path parleyData = Path.of("parley-data");

    @Option(names = "--database", paramLabel = "URL",
            description = "With --from-decisions: JDBC URL of the database (default: $PARLEY_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default 5).")
    Integer epochs;

    @Option(names = "--bits", paramLabel = "N", description = "Hash bits: 2^N feature buckets (default 20).")
    Integer bits;

    @Option(names = "--learning-rate", paramLabel = "X", description = "AdaGrad's base step (default 0.2).")
    Double learningRate;

    @Option(names = "--l2", paramLabel = "X", description = "L2 regularization strength (default 1e-6).")
    Double l2;

    @Option(names = "--weight", paramLabel = "SOURCE=W",
            description = "Weigh a data set's examples (named by file name without .csv) by W instead of 1.")
    Map<String, Double> weights = new HashMap<>();

    @Option(names = "--encoder", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add sentence-encoder heads beside the n-gram heads, mixed on the dev split (default;"
                    + " --no-encoder trains n-grams alone).")
    boolean encoder;

    @Option(names = "--encoder-sample", paramLabel = "N",
            description = "The encoder heads learn from at most N rows of each data set (default 6000).")
    int encoderSample = 6000;

    @Option(names = "--embedding-cache", paramLabel = "FILE",
            description = "Keep the texts' embeddings in FILE, so that training again on the same data is quick.")
    Path embeddingCache;

    @Option(names = "--civil-reference", arity = "1..*", paramLabel = "SOURCE",
            description = "Data sets (file names without .csv) whose civil dev rows each band may fire on only"
                    + " rarely: 0.75%% for nudge, 0.1%% for hold, 0.02%% for reject.")
    List<String> civilReference = List.of();

    @Option(names = "--site-examples", paramLabel = "FILE", description = "Train a site model from an archive's"
            + " moderated comments (CSV: text,decision,category) and write it to --out; the same training as"
            + " --from-decisions.")
    Path siteExamples;

    @Override
    public void run() {
        if (siteExamples != null) {
            if (out == null || fromDecisions || !data.isEmpty()) {
                throw new UsageException("--site-examples needs --out, and neither --data nor --from-decisions");
            }
            DecisionTraining.fromExamples(siteExamples, out, minExamples);
            return;
        }
        if (fromDecisions) {
            if (site == null) {
                throw new UsageException("--from-decisions needs --site");
            }
            DatabaseOptions database = new DatabaseOptions();
            database.dataDir = parleyData;
            database.databaseUrl = databaseUrl;
            if (!data.isEmpty()) {
                throw new UsageException("a site model learns from the site's decisions alone: drop --data");
            }
            new DecisionTraining(database).fromDecisions(site, minExamples);
            return;
        }
        if (data.isEmpty() || out == null) {
            throw new UsageException("train needs --data and --out (or --from-decisions --site)");
        }
        Trainer.Options options = options();
        List<LabeledText> examples = DataFiles.readAll(data);
        List<LabeledText> train = Trainer.withoutTestTexts(Trainer.only(examples, Split.TRAIN), examples);
        List<LabeledText> dev = Trainer.withoutTestTexts(Trainer.only(examples, Split.DEV), examples);
        if (train.isEmpty()) {
            throw new UsageException("the data has no rows in the train split");
        }
        long started = System.nanoTime();
        Trainer trainer = new Trainer(options, ProgressBar.onTerminal());
        if (encoder) {
            if (encoderSample < 1) {
                throw new UsageException("--encoder-sample must be at least 1");
            }
            trainer = trainer.withEncoder(encoderSample, new Embeddings(embeddingCache));
        }
        Classifier classifier = trainer.train(train, dev);
        try {
            classifier.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("trained on %,d examples (%,d dev) in %.1f s: %s, model %s%n", train.size(), dev.size(),
                (System.nanoTime() - started) / 1e9, out, classifier.modelVersion());
        Thresholds thresholds = classifier.thresholds();
        for (Category category : Category.values()) {
            System.out.printf("  %-15s nudge %.3f  hold %.3f  reject %.3f%n", category.code(),
                    thresholds.nudge(category), thresholds.hold(category), thresholds.reject(category));
        }
        System.out.print(classifier.encoderSummary());
    }

    private Trainer.Options options() {
        Trainer.Options defaults = Trainer.Options.defaults();
        Map<String, Double> sourceWeights = new HashMap<>(defaults.sourceWeights());
        sourceWeights.putAll(weights);
        Trainer.Options options = new Trainer.Options(bits == null ? defaults.bits() : bits,
                epochs == null ? defaults.epochs() : epochs,
                learningRate == null ? defaults.learningRate() : learningRate, l2 == null ? defaults.l2() : l2,
                defaults.seed(), sourceWeights);
        options = options.withCivilReference(java.util.Set.copyOf(civilReference));
        if (options.bits() < 4 || options.bits() > 24 || options.epochs() < 1) {
            throw new UsageException("--bits must be 4 to 24 and --epochs at least 1");
        }
        return options;
    }
}
