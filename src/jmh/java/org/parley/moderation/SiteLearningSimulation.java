package org.parley.moderation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Evaluation;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Progress;
import org.parley.classifier.Split;
import org.parley.learning.DecisionExamples;
import org.parley.learning.SiteClassifiers;
import org.parley.learning.SiteModel;
import org.parley.learning.SiteModelStore;
import org.parley.learning.SiteModels;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteSettings;
import org.parley.store.Database;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestServer;

/**
 * A quality simulator for learning from moderators (in the spirit of Caffeine's simulator): a site whose
 * moderators draw their own line, and how much a site model trained on N of their decisions gains on the site's
 * own judgements. Two sites: {@code --site fox}, real news comments with real judgements, and {@code --site
 * strict}, a site stricter than the shipped model about mild rudeness, whose judgements follow a rule.
 *
 * <p>{@code fox}: the 1,528 comments of {@code fox_news_comments} (ten Fox News threads, annotated for hate
 * speech); its moderators reject as {@code discriminatory} what the annotators called hateful and approve the rest.
 * 400 comments (a fixed random sample) are its test set; the decisions come from the others, in their natural mix
 * (28 % hateful), so at most about 1,100.
 *
 * <p>{@code strict}: the site's comments are the Wikipedia talk comments of {@code wiki_context_toxicity} (read from the shared
 * data folder at run time, never copied; each text once). Its moderators reject a comment as {@code rude} when it
 * uses one of the mild put-downs in {@link #MILD} or Perspective (the score the data set ships) rated it at least
 * {@value #STRICT_PERSPECTIVE}, reject without a category what the data set labels uncivil, and approve the rest.
 * A third of what reaches them is uncivil by their rule. The site premoderates, so every decision follows a hold
 * and is a labelled example; the test set is 1,500 further comments of the site (300 uncivil).
 *
 * <p>For each N the simulation fills a fresh SQLite database through the real {@link Submissions} and
 * {@link Decisions}, trains with {@link SiteModels} on the decisions, and reports ROC-AUC of {@code uncivil}
 * before (shipped model) and after (site model) on the held-back fifth of the decisions, and on the site's test set.
 *
 * <p>Run: {@code bench/simulate-site.sh [--shared DIR] [--site fox|strict] [--decisions 200,500,1000]}.
 */
public final class SiteLearningSimulation {

    /** Mild put-downs this simulated site's moderators will not have. */
    static final List<String> MILD = List.of("stupid", "stupidity", "idiot", "idiots", "idiotic", "dumb", "crap",
            "crappy", "damn", "sucks", "moron", "morons", "nonsense", "ridiculous", "pathetic", "lame", "jerk",
            "rubbish", "garbage", "silly", "fool", "fools", "foolish", "clueless", "loser", "shut up", "pompous",
            "whining", "whine", "childish", "ignorant");

    private static final Pattern MILD_WORDS = Pattern.compile("\\b(" + String.join("|", MILD) + ")\\b");
    /** The Perspective score from which these moderators reject a comment as rude. */
    static final double STRICT_PERSPECTIVE = 0.3;

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path shared = Path.of(options.getOrDefault("shared", System.getProperty("parley.shared", "../shared/data")));
        List<Integer> sizes = new ArrayList<>();
        for (String n : options.getOrDefault("decisions", "200,500,1000").split(",")) {
            sizes.add(Integer.parseInt(n.strip()));
        }
        Classifier shipped = Classifier.loadDefault();
        String site = options.getOrDefault("site", "fox");
        List<LabeledText> test;
        java.util.function.IntFunction<List<LabeledText>> decisionsOf;
        if (site.equals("fox")) {
            List<LabeledText> stream = foxStream(shared.resolve("fox_news_comments/fox_news_comments.csv"));
            test = new ArrayList<>(stream.subList(0, 400));
            List<LabeledText> rest = stream.subList(400, stream.size());
            System.out.printf("site fox: %,d comments, %,d judged hateful; decisions from %,d of them%n",
                    stream.size(), count(stream, Category.UNCIVIL), rest.size());
            decisionsOf = n -> new ArrayList<>(rest.subList(0, Math.min(n, rest.size())));
        } else if (site.equals("strict")) {
            List<LabeledText> stream = siteStream(shared.resolve("wiki_context_toxicity/wiki_context_toxicity.csv"));
            List<LabeledText> uncivil = new ArrayList<>(stream.stream()
                    .filter(example -> example.label(Category.UNCIVIL) == 1).toList());
            List<LabeledText> civil = new ArrayList<>(stream.stream()
                    .filter(example -> example.label(Category.UNCIVIL) == 0).toList());
            System.out.printf("site strict: %,d comments (%,d judged uncivil by the site, %,d of them as mildly"
                    + " rude)%n", stream.size(), uncivil.size(), count(stream, Category.RUDE));
            test = take(uncivil, civil, 300, 1200);
            decisionsOf = n -> take(new ArrayList<>(uncivil), new ArrayList<>(civil), n / 3, n - n / 3);
        } else {
            throw new IllegalArgumentException("--site is fox or strict, not " + site);
        }
        System.out.printf("site test set (%,d comments): shipped model ROC-AUC uncivil %.3f%n", test.size(),
                auc(shipped, test));
        System.out.println("decisions  held back  held-back AUC before  after   site test AUC before  after  seconds");
        for (int n : sizes) {
            run(n, decisionsOf.apply(n), test, shipped);
        }
    }

    private static void run(int n, List<LabeledText> decided, List<LabeledText> test, Classifier shipped)
            throws IOException {
        Path folder = Files.createTempDirectory("parley-simulation-");
        try (Database database = Database.openSqlite(folder)) {
            Fixtures fixtures = new Fixtures(database);
            Clock clock = Clock.systemUTC();
            SiteModelStore store = new SiteModelStore(database.jdbi());
            SiteClassifiers classifiers = new SiteClassifiers(shipped, store);
            Submissions submissions = new Submissions(fixtures.comments, fixtures.sites, classifiers,
                    Pipelines.standard(fixtures.moderation,
                            new org.parley.story.StoryClosing(fixtures.storyStore, clock), fixtures.rules, classifiers),
                    fixtures.editWindows, clock);
            Decisions decisions = new Decisions(fixtures.comments, fixtures.storyStore, fixtures.moderation,
                    new ModeratorAccess(database.jdbi()), clock);
            fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(
                    java.util.Map.of("linkLimit", 1000, "premoderation", true)));
            Account moderator = fixtures.accounts.create("mod@site.example", "correct horse battery", "Mod",
                    Role.ADMIN);
            List<Account> authors = List.of(fixtures.reader(), fixtures.reader(), fixtures.reader());
            Story story = fixtures.story();
            for (int i = 0; i < decided.size(); i++) {
                LabeledText comment = decided.get(i);
                String id = submissions.post(authors.get(i % authors.size()), story, null, comment.text(), true)
                        .comment().id();
                boolean uncivil = comment.label(Category.UNCIVIL) == 1;
                boolean rude = comment.label(Category.RUDE) == 1;
                boolean hateful = comment.label(Category.DISCRIMINATORY) == 1;
                decisions.decide(moderator, id, uncivil ? DecisionAction.REJECT : DecisionAction.APPROVE, null,
                        rude ? Category.RUDE : hateful ? Category.DISCRIMINATORY : null);
            }
            SiteModels models = new SiteModels(store, new DecisionExamples(database.jdbi()), classifiers, clock);
            long started = System.nanoTime();
            SiteModel model = models.train(new SiteModels.Request(Fixtures.SITE, 1, null));
            double seconds = (System.nanoTime() - started) / 1e9;
            models.activate(Fixtures.SITE, model.version());
            System.out.printf("%9d  %9d  %20.3f  %5.3f   %20.3f  %5.3f  %7.1f%n", decided.size(), model.heldBack(),
                    model.metricBefore(), model.metricAfter(), auc(shipped, test),
                    auc(classifiers.forSite(Fixtures.SITE), test), seconds);
        } finally {
            TestServer.deleteRecursively(folder);
        }
    }

    /**
     * The site's comments, each text once, in a fixed shuffled order, labelled as its moderators judge: rude
     * (and so uncivil) when a mild put-down appears or Perspective scored it at least {@value #STRICT_PERSPECTIVE};
     * uncivil without a category when the data set says so; civil otherwise.
     */
    static List<LabeledText> siteStream(Path file) throws IOException {
        Map<String, LabeledText> byText = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : rows(file)) {
            String text = row.get("text").strip();
            if (text.length() < 20 || text.length() > 2000 || row.get("uncivil").isBlank()) {
                continue;
            }
            String perspective = row.get("perspective_api");
            boolean mild = MILD_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find()
                    || !perspective.isBlank() && Double.parseDouble(perspective) >= STRICT_PERSPECTIVE;
            boolean uncivil = mild || "1".equals(row.get("uncivil"));
            byte[] labels = new byte[Category.COUNT];
            java.util.Arrays.fill(labels, LabeledText.UNKNOWN);
            labels[Category.UNCIVIL.ordinal()] = (byte) (uncivil ? 1 : 0);
            labels[Category.RUDE.ordinal()] = mild ? 1 : uncivil ? LabeledText.UNKNOWN : 0;
            byText.putIfAbsent(text, new LabeledText("site", text, labels, "", Split.TEST));
        }
        List<LabeledText> stream = new ArrayList<>(byText.values());
        Collections.shuffle(stream, new Random(20261128L));
        return stream;
    }

    /**
     * The Fox News comments, each text once, in a fixed shuffled order: hateful ones uncivil and discriminatory,
     * the others civil (as the site's moderators judge; the data set itself says only "not hateful").
     */
    static List<LabeledText> foxStream(Path file) throws IOException {
        Map<String, LabeledText> byText = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : rows(file)) {
            String text = row.get("text").strip();
            if (text.isEmpty()) {
                continue;
            }
            byte[] labels = new byte[Category.COUNT];
            if ("1".equals(row.get("label"))) {
                java.util.Arrays.fill(labels, LabeledText.UNKNOWN);
                labels[Category.UNCIVIL.ordinal()] = 1;
                labels[Category.DISCRIMINATORY.ordinal()] = 1;
            }
            byText.putIfAbsent(text, new LabeledText("site", text, labels, "", Split.TEST));
        }
        List<LabeledText> stream = new ArrayList<>(byText.values());
        Collections.shuffle(stream, new Random(20261207L));
        return stream;
    }

    /** The rows of a CSV file with a header, as maps. */
    private static List<Map<String, String>> rows(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file);
                MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            return rows.readAll();
        }
    }

    /**
     * Takes {@code positives} uncivil and {@code negatives} civil comments from the front of the lists (removing
     * them), in an interleaved order: a sample of what reaches the moderators, where incivility is common.
     */
    static List<LabeledText> take(List<LabeledText> uncivil, List<LabeledText> civil, int positives, int negatives) {
        List<LabeledText> taken = new ArrayList<>();
        int p = Math.min(positives, uncivil.size());
        int n = Math.min(negatives, civil.size());
        taken.addAll(uncivil.subList(0, p));
        taken.addAll(civil.subList(0, n));
        uncivil.subList(0, p).clear();
        civil.subList(0, n).clear();
        Collections.shuffle(taken, new Random(p * 31L + n));
        return taken;
    }

    private static double auc(Classifier classifier, List<LabeledText> examples) {
        return Evaluation.of(classifier, examples, Progress.NONE).results().get(Category.UNCIVIL.ordinal()).ranked()
                .rocAuc();
    }

    private static long count(List<LabeledText> examples, Category category) {
        return examples.stream().filter(example -> example.label(category) == 1).count();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
