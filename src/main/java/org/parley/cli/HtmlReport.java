package org.parley.cli;

import java.util.Locale;
import org.parley.classifier.Evaluation;
import org.parley.classifier.RankedScores;

/** A small self-contained HTML report: for each data file, a ROC curve per category drawn as inline SVG. */
final class HtmlReport {

    private static final int SIZE = 220;

    private final StringBuilder body = new StringBuilder();

    void add(String title, Evaluation evaluation) {
        body.append("<h2>").append(escape(title)).append("</h2>\n<div class=\"row\">\n");
        for (Evaluation.Result result : evaluation.results()) {
            RankedScores ranked = result.ranked();
            if (ranked == null || ranked.positives() == 0 || ranked.positives() == ranked.size()) {
                continue;
            }
            body.append("<figure>").append(curve(ranked.rocCurve(200))).append("<figcaption>")
                    .append(result.category().code())
                    .append(String.format(Locale.ROOT, ": ROC-AUC %.4f, AP %.3f, %d of %d positive",
                            ranked.rocAuc(), ranked.averagePrecision(), ranked.positives(), ranked.size()))
                    .append("</figcaption></figure>\n");
        }
        body.append("</div>\n");
    }

    String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Parley classifier"
                + " evaluation</title>\n<style>body{font:14px system-ui,sans-serif;margin:2em}"
                + ".row{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}"
                + "svg{background:#fafafa;border:1px solid #ccc}figcaption{max-width:" + SIZE + "px}</style>"
                + "</head><body>\n<h1>Parley classifier evaluation</h1>\n"
                + "<p>ROC curves: true positive rate against false positive rate; the diagonal is chance.</p>\n"
                + body + "</body></html>\n";
    }

    private static String curve(double[][] points) {
        StringBuilder path = new StringBuilder();
        for (double[] point : points) {
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f",
                    point[0] * SIZE, SIZE - point[1] * SIZE));
        }
        return "<svg width=\"" + SIZE + "\" height=\"" + SIZE + "\" viewBox=\"0 0 " + SIZE + " " + SIZE + "\">"
                + "<line x1=\"0\" y1=\"" + SIZE + "\" x2=\"" + SIZE + "\" y2=\"0\" stroke=\"#bbb\"/>"
                + "<path d=\"" + path + "\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
