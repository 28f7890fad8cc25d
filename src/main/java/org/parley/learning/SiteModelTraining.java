package org.parley.learning;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parley.problem.Problem;
import org.slf4j.LoggerFactory;

/**
 * Trains site models in the background for the dashboard: one training at a time per site (a second request is
 * 409 {@code training_running}), on one daemon thread, so training never takes more than one core from the
 * server. The result lands in the site's model list, inactive; a failure is logged. Thread-safe.
 */
public final class SiteModelTraining {

    /** How many usable decisions a site needs before the server trains a model for it. */
    public static final int MIN_EXAMPLES = 20;

    private final SiteModels models;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    public SiteModelTraining(SiteModels models) {
        this(models, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-site-model-training");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Training on the given executor's thread (one thread, so trainings queue), which {@link #close} stops. */
    SiteModelTraining(SiteModels models, ExecutorService executor) {
        this.models = models;
        this.executor = executor;
    }

    /**
     * Starts training a model for the site; throws 422 {@code not_enough_decisions} when it has fewer than
     * {@link #MIN_EXAMPLES} usable decisions, and 409 {@code training_running} while one is training for it.
     */
    public void start(String siteId, String createdBy) {
        models.requireDecisions(siteId, MIN_EXAMPLES);
        if (!running.add(siteId)) {
            throw Problem.conflict("training_running", "A model is already training for the site '" + siteId + "'.");
        }
        try {
            executor.execute(() -> {
                try {
                    models.train(new SiteModels.Request(siteId, MIN_EXAMPLES, createdBy));
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(SiteModelTraining.class).warn("Training a model for {} failed", siteId, e);
                } finally {
                    running.remove(siteId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(siteId);
            throw e;
        }
    }

    /** True while a model is training for the site. */
    public boolean isRunning(String siteId) {
        return running.contains(siteId);
    }

    /** Stops the training thread (a running training is interrupted at its next chance). */
    public void close() {
        executor.shutdownNow();
    }
}
