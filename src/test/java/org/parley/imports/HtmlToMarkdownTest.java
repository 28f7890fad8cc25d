package org.parley.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.comment.Markdown;

/** Imported HTML becomes Markdown that renders back to the same safe subset, with literal characters kept. */
class HtmlToMarkdownTest {

    private static String html(String source, boolean newlinesAreBreaks) {
        return Markdown.render(HtmlToMarkdown.convert(source, newlinesAreBreaks)).html();
    }

    @Test
    void paragraphs_emphasis_links_and_quotes_survive_the_round_trip() {
        String converted = html("<p>One <b>bold</b> and <i>soft</i> word.</p><p>See <a"
                + " href=\"https://news.example/x\">this</a>.</p><blockquote><p>Quoted.</p></blockquote>", false);
        assertThat(converted).startsWith("<p>One <strong>bold</strong> and <em>soft</em> word.</p>\n<p>See <a"
                        + " href=\"https://news.example/x\" rel=\"")
                .contains("\">this</a>.</p>\n").endsWith("<blockquote>\n<p>Quoted.</p>\n</blockquote>");
    }

    @Test
    void markdown_characters_in_the_text_stay_literal() {
        assertThat(HtmlToMarkdown.convert("<p>2 * 3 = 6, [not a link](x) and _this_</p><p>1. not a list</p>"
                + "<p>- nor this</p>", false))
                .isEqualTo("2 \\* 3 = 6, \\[not a link\\](x) and \\_this\\_\n\n1\\. not a list\n\n\\- nor this");
        assertThat(html("<p>1. not a list</p>", false)).isEqualTo("<p>1. not a list</p>");
    }

    @Test
    void scripts_styles_and_unsafe_links_leave_nothing_active() {
        String converted = html("<p>Hi<script>alert(1)</script><style>p{}</style> <a href=\"javascript:alert(2)\">"
                + "click</a> <img src=x onerror=alert(3)></p>", false);
        assertThat(converted).isEqualTo("<p>Hi click</p>");
    }

    @Test
    void wordpress_blank_lines_are_paragraphs_and_newlines_are_breaks() {
        assertThat(html("First.\n\nSecond line\nthird line.", true))
                .isEqualTo("<p>First.</p>\n<p>Second line<br />\nthird line.</p>");
    }
}
