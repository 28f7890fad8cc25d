package org.parley.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.classifier.Classifier;
import org.parley.comment.CommentStatus;
import org.parley.moderation.Outcome;
import org.parley.problem.Problem;
import org.parley.testing.Fixtures;
import org.parley.testing.SiteDecisions;
import org.parley.testing.TestDatabase;

class SiteModelsTest {

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private SiteDecisions site;

    @BeforeEach
    void setUp() {
        site = new SiteDecisions(database.database());
    }

    @Test
    void stores_a_better_candidate_inactive_with_both_numbers() {
        site.decideMany(4);

        SiteModel model = site.models.train(site.request(20));

        assertThat(model.active()).isFalse();
        assertThat(model.baseVersion()).isEqualTo(Fixtures.CLASSIFIER.modelVersion());
        assertThat(model.heldBack() + model.examples()).isEqualTo(80);
        assertThat(model.metricBefore()).isNotNull();
        assertThat(model.metricAfter()).isEqualTo(1.0).isGreaterThanOrEqualTo(model.metricBefore());
        assertThat(model.categoryMetrics()).containsKeys("uncivil", "rude");
        assertThat(site.models.list("daily")).extracting(SiteModel::version).containsExactly(model.version());
        assertThat(site.classifiers.forSite("daily")).isSameAs(Fixtures.CLASSIFIER);
    }

    @Test
    void refuses_to_train_on_too_few_decisions() {
        site.decideMany(1);

        assertThatThrownBy(() -> site.models.train(site.request(50)))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code())
                        .isEqualTo("not_enough_decisions"));
    }

    @Test
    void the_pipeline_scores_with_the_active_model_once_activated() {
        site.decideMany(4);
        SiteModel model = site.models.train(site.request(20));
        String text = "Such drivel about the harbour wall.";
        Outcome before = site.post(text);

        site.models.activate("daily", model.version());
        Outcome after = site.post(text + " Again.");

        assertThat(before.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(after.status()).isNotEqualTo(CommentStatus.PUBLISHED);
        assertThat(after.comment().id()).satisfies(id -> assertThat(modelVersionOf(id)).isEqualTo(model.version()));
    }

    @Test
    void rollback_returns_to_the_previous_model_then_to_the_shipped_one() {
        site.decideMany(4);
        SiteModel first = site.models.train(site.request(20));
        site.decideMany(1);
        SiteModel second = site.models.train(site.request(20));
        site.models.activate("daily", first.version());
        site.models.activate("daily", second.version());

        assertThat(site.models.rollback("daily")).map(SiteModel::version).contains(first.version());
        assertThat(site.classifiers.forSite("daily").modelVersion()).isEqualTo(first.version());
        assertThat(site.models.rollback("daily")).isEmpty();
        assertThat(site.classifiers.forSite("daily")).isSameAs(Fixtures.CLASSIFIER);
        assertThat(site.models.list("daily")).hasSize(2).noneMatch(SiteModel::active);
        assertThatThrownBy(() -> site.models.rollback("daily")).isInstanceOf(Problem.class);
    }

    @Test
    void compares_a_second_candidate_with_the_active_model() {
        site.decideMany(4);
        SiteModel first = site.models.train(site.request(20));
        site.models.activate("daily", first.version());
        site.decideMany(1);

        SiteModel second = site.models.train(site.request(20));

        assertThat(second.baseVersion()).isEqualTo(first.version());
    }

    @Test
    void activating_an_unknown_version_is_not_found() {
        assertThatThrownBy(() -> site.models.activate("daily", "nope")).isInstanceOf(Problem.class)
                .hasMessageContaining("no model");
    }

    private String modelVersionOf(String commentId) {
        return database.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT model_version FROM comments WHERE id = :id")
                .bind("id", commentId).mapTo(String.class).one());
    }

    @Test
    void another_instance_sees_a_switch_once_its_cached_model_is_due_for_a_check() {
        site.decideMany(4);
        SiteModel model = site.models.train(site.request(20));
        SiteClassifiers elsewhere = new SiteClassifiers(Fixtures.CLASSIFIER, new SiteModelStore(
                database.database().jdbi()), java.time.Duration.ZERO);
        assertThat(elsewhere.forSite("daily")).isSameAs(Fixtures.CLASSIFIER);

        site.models.activate("daily", model.version());

        assertThat(elsewhere.forSite("daily").modelVersion()).isEqualTo(model.version());
        Classifier loaded = elsewhere.forSite("daily");
        assertThat(elsewhere.forSite("daily")).as("an unchanged version is not loaded again").isSameAs(loaded);
    }
}
