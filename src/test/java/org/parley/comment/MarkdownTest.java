package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void the_subset_renders_emphasis_strong_code_quotes_and_lists() {
        String html = Markdown.render("*quietly* **firmly** `code`\n\n> quoted\n\n- one\n- two\n\n1. first\n").html();
        assertThat(html).contains("<em>quietly</em>", "<strong>firmly</strong>", "<code>code</code>",
                "<blockquote>", "<ul>", "<li>one</li>", "<ol>");
    }

    @Test
    void code_blocks_keep_their_text_escaped() {
        String html = Markdown.render("```\nif (a < b) { run(); }\n```").html();
        assertThat(html).contains("<pre><code>").contains("a &lt; b");
    }

    @Test
    void raw_html_shows_as_text_and_never_runs() {
        String html = Markdown.render("<script>alert(1)</script> and <b onmouseover=x()>bold</b>").html();
        assertThat(html).doesNotContain("<script", "<b ", "onmouseover=x").contains("&lt;script&gt;");
    }

    @Test
    void links_get_nofollow_ugc_noopener_and_javascript_urls_are_dropped() {
        String html = Markdown.render("[treaty text](https://example.org/treaty) [bad](javascript:alert(1))").html();
        assertThat(html).contains("href=\"https://example.org/treaty\"").contains("nofollow").contains("ugc")
                .contains("noopener").doesNotContain("javascript");
    }

    @Test
    void headings_and_images_are_outside_the_subset() {
        String html = Markdown.render("# Loud\n\n![a map](https://example.org/map.png)").html();
        assertThat(html).doesNotContain("<h1", "<img").contains("# Loud")
                .contains("<a href=\"https://example.org/map.png\"").contains("a map");
    }

    @Test
    void plain_text_drops_the_markup() {
        assertThat(Markdown.render("I **strongly** disagree with [this](https://example.org).").plainText())
                .isEqualTo("I strongly disagree with this.");
    }

    @Test
    void plain_text_separates_paragraphs_and_list_items() {
        assertThat(Markdown.render("First point.\n\n- one\n- two\n\n> quoted").plainText())
                .isEqualTo("First point.\n\none\n\ntwo\n\nquoted");
    }
}
