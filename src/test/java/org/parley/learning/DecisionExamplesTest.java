package org.parley.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.classifier.Category;
import org.parley.classifier.LabeledText;
import org.parley.testing.SiteDecisions;
import org.parley.testing.TestDatabase;

class DecisionExamplesTest {

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private SiteDecisions site;

    @BeforeEach
    void setUp() {
        site = new SiteDecisions(database.database());
    }

    @Test
    void an_approval_after_a_hold_is_a_civil_example() {
        site.premoderate(true);
        String id = site.approve(site.post("The *library* hours suit everyone now.").comment().id());

        List<DecisionExamples.Example> examples = site.examples.list("daily");

        assertThat(examples).singleElement().satisfies(example -> {
            assertThat(example.commentId()).isEqualTo(id);
            assertThat(example.labeled().text()).isEqualTo("The library hours suit everyone now.");
            for (Category category : Category.values()) {
                assertThat(example.labeled().label(category)).isZero();
            }
        });
    }

    @Test
    void a_rejection_is_uncivil_in_the_named_category_and_unknown_in_the_others() {
        site.reject(site.post("Utter drivel from the planning office.").comment().id(), Category.RUDE);

        LabeledText labeled = site.examples.list("daily").get(0).labeled();

        assertThat(labeled.label(Category.UNCIVIL)).isEqualTo((byte) 1);
        assertThat(labeled.label(Category.RUDE)).isEqualTo((byte) 1);
        assertThat(labeled.label(Category.AGGRESSIVE)).isEqualTo(LabeledText.UNKNOWN);
        assertThat(labeled.label(Category.DEROGATORY)).isEqualTo(LabeledText.UNKNOWN);
        assertThat(labeled.source()).isEqualTo(DecisionExamples.SOURCE);
    }

    @Test
    void a_rejection_without_a_category_knows_only_that_it_is_uncivil() {
        site.reject(site.post("Utter drivel from the planning office.").comment().id(), null);

        LabeledText labeled = site.examples.list("daily").get(0).labeled();

        assertThat(labeled.label(Category.UNCIVIL)).isEqualTo((byte) 1);
        assertThat(labeled.label(Category.RUDE)).isEqualTo(LabeledText.UNKNOWN);
    }

    @Test
    void the_latest_decision_on_a_comment_wins() {
        site.premoderate(true);
        String id = site.post("The ferry should run on Sundays too.").comment().id();
        site.reject(id, Category.DEROGATORY);
        site.approve(id);

        assertThat(site.examples.list("daily")).singleElement()
                .satisfies(example -> assertThat(example.labeled().label(Category.UNCIVIL)).isZero());
    }

    @Test
    void skips_approvals_of_comments_the_pipeline_published() {
        site.approve(site.post("The ferry should run on Sundays too.").comment().id());

        assertThat(site.examples.list("daily")).isEmpty();
    }

    @Test
    void holds_back_a_fifth_of_comments_by_their_id_alone() {
        long heldBack = site.decideMany(5).stream().filter(DecisionExamples::heldBack).count();

        assertThat(heldBack).isBetween(10L, 30L);
        assertThat(DecisionExamples.heldBack("some-comment-id"))
                .isEqualTo(DecisionExamples.heldBack("some-comment-id"));
    }
}
