package org.parley.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.problem.Problem;
import org.parley.testing.SiteDecisions;
import org.parley.testing.TestDatabase;

class SiteModelTrainingTest {

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    @Test
    void trains_one_model_at_a_time_per_site() throws InterruptedException {
        SiteDecisions site = new SiteDecisions(database.database());
        site.decideMany(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        thread.execute(() -> awaitQuietly(release));
        SiteModelTraining training = new SiteModelTraining(site.models, thread);
        try {
            training.start("daily", site.admin.id());

            assertThat(training.isRunning("daily")).isTrue();
            assertThatThrownBy(() -> training.start("daily", site.admin.id()))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("training_running"));
            release.countDown();
            while (training.isRunning("daily")) {
                Thread.onSpinWait();
            }
            assertThat(site.models.list("daily")).hasSize(1);
        } finally {
            training.close();
        }
    }

    @Test
    void refuses_at_once_when_the_site_has_too_few_decisions() {
        SiteDecisions site = new SiteDecisions(database.database());
        SiteModelTraining training = new SiteModelTraining(site.models);

        assertThatThrownBy(() -> training.start("daily", site.admin.id()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("not_enough_decisions"));
        assertThat(training.isRunning("daily")).isFalse();
        training.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
