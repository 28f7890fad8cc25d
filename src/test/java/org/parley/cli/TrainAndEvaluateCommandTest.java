package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley train} and {@code parley evaluate} on tiny CSV files written by the test. */
class TrainAndEvaluateCommandTest {

    @Test
    void trains_a_model_that_evaluate_can_measure(@TempDir Path dir) throws Exception {
        Path data = tinyCsv(dir);
        Path model = dir.resolve("model.bin");
        Path html = dir.resolve("report.html");

        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--data", data.toString(), "--out",
                model.toString(), "--bits", "16", "--epochs", "10");
        ConsoleCapture.Run evaluate = ConsoleCapture.run("", "evaluate", "--data", data.toString(), "--model",
                model.toString(), "--split", "all", "--html", html.toString());

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("trained on").contains("uncivil");
        assertThat(Files.size(model)).isGreaterThan(0);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("ROC-AUC").contains("derogatory").contains("tiny.csv")
                .contains("bands (the four categories").contains("nudged").contains("civil rows past the line");
        assertThat(Files.readString(html)).contains("<svg").contains("ROC-AUC");
    }

    @Test
    void treats_a_missing_category_column_as_unknown(@TempDir Path dir) throws Exception {
        Path data = tinyCsv(dir);
        Path model = dir.resolve("model.bin");
        ConsoleCapture.run("", "train", "--data", data.toString(), "--out", model.toString(), "--bits", "16");

        ConsoleCapture.Run evaluate = ConsoleCapture.run("", "evaluate", "--data", data.toString(), "--model",
                model.toString(), "--split", "all");

        assertThat(evaluate.out()).containsPattern("aggressive\\s+\\d+\\s+0\\s");
    }

    @Test
    void exits_with_2_for_a_missing_data_file(@TempDir Path dir) {
        ConsoleCapture.Run run = ConsoleCapture.run("", "train", "--data", dir.resolve("none.csv").toString(),
                "--out", dir.resolve("m.bin").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("parley: no such data file");
    }

    @Test
    void exits_with_2_for_an_unknown_split(@TempDir Path dir) throws Exception {
        ConsoleCapture.Run run = ConsoleCapture.run("", "evaluate", "--data", tinyCsv(dir).toString(), "--split",
                "sideways");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--split");
    }

    @Test
    void exits_with_2_without_data() {
        assertThat(ConsoleCapture.run("", "evaluate").exitCode()).isEqualTo(2);
    }

    /** Forty rows: insults and kind remarks, a derogatory column and no aggressive column. */
    private static Path tinyCsv(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,text,uncivil,derogatory\n");
        String[] insults = {"you dimwit", "what a dimwit", "dimwit writer", "a total dimwit", "dimwit again"};
        String[] kind = {"lovely morning", "thanks for writing", "a good read", "kind words", "a calm reply"};
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < insults.length; i++) {
                csv.append("i").append(round).append(i).append(",\"").append(insults[i]).append(" number ")
                        .append(round).append("\",1,1\n");
                csv.append("k").append(round).append(i).append(",\"").append(kind[i]).append(" number ")
                        .append(round).append("\",0,\n");
            }
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv);
        return file;
    }
}
