package org.parley.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.parley.classifier.Classifier;
import org.parley.learning.DecisionExamples;
import org.parley.learning.SiteClassifiers;
import org.parley.learning.SiteModel;
import org.parley.learning.SiteModelStore;
import org.parley.learning.SiteModels;
import org.parley.problem.Problem;
import org.parley.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley model …}: a site's own models (trained by {@code parley train --from-decisions}): list them, switch
 * one on, roll back to the one before. A running server sees a switch made here after it restarts.
 */
@Command(name = "model", description = "List, activate and roll back a site's own models.",
        subcommands = {ModelCommand.ListModels.class, ModelCommand.Activate.class, ModelCommand.Rollback.class,
                ModelCommand.Import.class})
public final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a sub-command: list, activate or rollback.");
    }

    /** The options of every sub-command: the site and the database. */
    static class SiteOptions {

        @Option(names = "--site", required = true, paramLabel = "SITE", description = "The site.")
        String site;

        @Mixin
        DatabaseOptions database;

        /** Runs an action on the site's models, turning a refusal into bad usage. */
        void with(java.util.function.Consumer<SiteModels> action) {
            try (Database opened = database.open()) {
                SiteModelStore store = new SiteModelStore(opened.jdbi());
                action.accept(new SiteModels(store, new DecisionExamples(opened.jdbi()),
                        new SiteClassifiers(Classifier.shipped(), store), Clock.systemUTC()));
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
        }
    }

    /** {@code parley model list}: one line per model, newest first; {@code *} marks the active one. */
    @Command(name = "list", description = "List a site's models, newest first.")
    static final class ListModels extends SiteOptions implements Runnable {

        @Override
        public void run() {
            with(models -> {
                System.out.println("  version       created               decisions  held back  AUC before  after");
                for (SiteModel model : models.list(site)) {
                    System.out.printf("%s %-13s %-21s %9d  %9d  %10s  %5s%n", model.active() ? "*" : " ",
                            model.version(), model.createdAt().toString().substring(0, 19), model.examples(),
                            model.heldBack(), DecisionTraining.format(model.metricBefore()),
                            DecisionTraining.format(model.metricAfter()));
                }
            });
        }
    }

    /** {@code parley model activate}: the site's comments are scored with this model from now on. */
    @Command(name = "activate", description = "Switch a site to one of its models.")
    static final class Activate extends SiteOptions implements Runnable {

        @Option(names = "--version", required = true, paramLabel = "V", description = "The model's version.")
        String version;

        @Override
        public void run() {
            with(models -> {
                models.activate(site, version);
                System.out.println("Site " + site + " now uses model " + version + ".");
            });
        }
    }

    /** {@code parley model import}: stores a site model trained from a file of examples, inactive. */
    @Command(name = "import", description = "Store a site model file (from train --site-examples), inactive.")
    static final class Import extends SiteOptions implements Runnable {

        @Parameters(index = "0", paramLabel = "FILE", description = "The site model file.")
        Path file;

        @Override
        public void run() {
            Classifier model;
            try {
                model = Classifier.load(file);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new UsageException("cannot read the model " + file + ": " + e.getMessage());
            }
            with(models -> {
                SiteModel stored = models.importModel(site, model);
                System.out.printf("stored model %s for %s, inactive; held-back decisions %d, ROC-AUC before %s,"
                        + " after %s%n", stored.version(), site, stored.heldBack(),
                        DecisionTraining.format(stored.metricBefore()), DecisionTraining.format(stored.metricAfter()));
                System.out.printf("to switch: parley model activate --site %s --version %s%n", site,
                        stored.version());
            });
        }
    }

    /** {@code parley model rollback}: back to the model active before, or the shipped one. */
    @Command(name = "rollback", description = "Switch a site back to the model it used before.")
    static final class Rollback extends SiteOptions implements Runnable {

        @Override
        public void run() {
            with(models -> System.out.println("Site " + site + " now uses " + models.rollback(site)
                    .map(model -> "model " + model.version()).orElse("the shipped model") + "."));
        }
    }
}
