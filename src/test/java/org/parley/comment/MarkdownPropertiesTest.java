package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Properties of the Markdown renderer and sanitizer ({@link Markdown}), for any body and for bodies made of
 * markup and Markdown fragments: rendering never throws, gives the same answer twice, and the HTML, parsed as a
 * browser would (jsoup), holds only the subset's elements and attributes, with links to http, https or mailto
 * only, so no script can run from it.
 */
class MarkdownPropertiesTest {

    private static final Set<String> ELEMENTS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote", "ul",
            "ol", "li", "a");
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    /** Pieces of hostile markup and of Markdown, joined at random by {@link #markup()}. */
    private static final List<String> FRAGMENTS = List.of(
            "<script>alert(1)</script>", "<script", "</script>", "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">", "</a>", "<style>", "</style>",
            "<math><mi xlink:href=\"javascript:alert(1)\">", "<!--", "-->", "<![CDATA[", "]]>", "<div style=\"x\">",
            "<object data=", "<embed src=", "<form action=", "<base href=", "<meta http-equiv=refresh", "<link ",
            "javascript:", "JaVaScRiPt:", "jav\tascript:", "java\u0000script:", "&#106;avascript:", "&#x6A;",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:", "onerror=", "onclick=",
            "\" onmouseover=\"", "' onfocus='", "[x](", "](", ")", "![i](", "[ref]: ", "[ref]", "<http://a.example>",
            "<javascript:alert(1)>", "<mailto:a@b.example>", "http://a.example/?q=<b>", "https://", "mailto:",
            "*", "**", "_", "__", "`", "```", "~~~", "\n", "\n\n", "    ", "> ", "- ", "1. ", "+ ", "#", "|",
            "\\", "&", "&amp;", "&lt;", "&#60;", "<", ">", "\"", "'", "=", "\u202E", "\u200B", "\uFEFF", "\u0000",
            "%3Cscript%3E", "expression(alert(1))", "url(javascript:alert(1))", "x", "word ", "text");

    @Property(tries = 600)
    void any_body_renders_without_active_content(@ForAll("bodies") String body) {
        Markdown.Rendered rendered = Markdown.render(body);
        assertThat(rendered.plainText()).isNotNull();
        assertNoActiveContent(rendered.html());
    }

    @Property(tries = 300)
    void rendering_is_deterministic(@ForAll("bodies") String body) {
        assertThat(Markdown.render(body)).isEqualTo(Markdown.render(body));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(400), markup(), markup(), markup());
    }

    private static Arbitrary<String> markup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    private static void assertNoActiveContent(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertThat(ELEMENTS).as("element in %s", html).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).isIn("href", "rel", "start");
                if (name.equals("href")) {
                    assertThat(element.tagName()).isEqualTo("a");
                    assertSafeLink(attribute.getValue(), html);
                }
            }
        }
    }

    /** A link is safe when, read as a browser reads it (control characters and blanks ignored), its scheme is ours. */
    private static void assertSafeLink(String href, String html) {
        String seen = href.replaceAll("[\\p{Cntrl}\\s]", "").toLowerCase(Locale.ROOT);
        int colon = seen.indexOf(':');
        int slash = seen.indexOf('/');
        int question = seen.indexOf('?');
        int hash = seen.indexOf('#');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && (question < 0 || colon < question)
                && (hash < 0 || colon < hash);
        if (hasScheme) {
            assertThat(SCHEMES).as("link %s in %s", href, html).contains(seen.substring(0, colon));
        }
    }
}
