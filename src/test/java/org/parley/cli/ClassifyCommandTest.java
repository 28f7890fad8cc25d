package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answers_every_line_in_order_with_scores_per_category() throws Exception {
        ConsoleCapture.Run run = ConsoleCapture.run("""
                {"id": "a", "text": "Thanks, this was a helpful article."}
                {"id": 2, "text": "You are a complete idiot."}
                {"id": null, "text": ""}
                """, "classify");

        List<JsonNode> answers = lines(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("a");
        assertThat(answers.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(answers.get(2).get("id").isNull()).isTrue();
        for (JsonNode answer : answers) {
            for (String category : List.of("rude", "aggressive", "derogatory", "discriminatory", "uncivil")) {
                assertThat(answer.get("scores").get(category).asDouble()).isBetween(0.0, 1.0);
            }
        }
        assertThat(answers.get(1).get("scores").get("uncivil").asDouble())
                .isGreaterThan(answers.get(0).get("scores").get("uncivil").asDouble());
    }

    @Test
    void with_bands_names_the_band_and_the_category_that_set_it() throws Exception {
        ConsoleCapture.Run run = ConsoleCapture.run("""
                {"id": 1, "text": "I disagree with the council: the new parking rules will hurt the market."}
                {"id": 2, "text": "You are a complete idiot and a liar."}
                """, "classify", "--bands");

        List<JsonNode> answers = lines(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(answers.get(0).get("band").asText()).isEqualTo("none");
        assertThat(answers.get(0).get("bandCategory").isNull()).isTrue();
        assertThat(answers.get(1).get("band").asText()).isIn("nudge", "hold", "reject");
        assertThat(answers.get(1).get("bandCategory").asText()).isEqualTo("derogatory");
    }

    @Test
    void without_bands_says_nothing_of_them() throws Exception {
        ConsoleCapture.Run run = ConsoleCapture.run("{\"id\": 1, \"text\": \"You are a complete idiot.\"}\n",
                "classify");

        assertThat(lines(run.out()).get(0).has("band")).isFalse();
    }

    @Test
    void answers_a_bad_line_with_its_error_and_goes_on() throws Exception {
        ConsoleCapture.Run run = ConsoleCapture.run("""
                {"id": 1, "text": "First comment."}
                this is not json
                {"id": 3, "text": 42}
                {"id": 4, "text": "Fourth comment."}
                """, "classify");

        List<JsonNode> answers = lines(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(answers.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(answers.get(1).get("error").asText()).isNotBlank();
        assertThat(answers.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(answers.get(3).get("id").asInt()).isEqualTo(4);
    }

    @Test
    void exits_with_2_for_a_missing_model_file() {
        ConsoleCapture.Run run = ConsoleCapture.run("", "classify", "--model", "/no/such/model.bin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("parley: no such model file").doesNotContain("\n");
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
