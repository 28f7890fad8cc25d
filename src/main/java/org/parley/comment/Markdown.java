package org.parley.comment;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders the Markdown subset readers may use (paragraphs, emphasis, strong, links, inline code, code blocks,
 * block quotes, lists) to safe HTML, once, when a comment is written.
 *
 * <p>Two locks: commonmark-java parses with headings, thematic breaks and HTML blocks switched off and escapes
 * any raw HTML, so markup in a body shows as text; then the OWASP sanitizer keeps only the subset's elements,
 * http(s) and mailto links, and adds {@code rel="nofollow ugc noopener"} to every link. Images become links to
 * the image. Thread-safe.
 *
 * <p>Hostile input stays cheap: quotes and lists nest at most {@link #MAX_NESTING} deep, and so do emphasis and
 * links (deeper markers show as text), so the tree the renderer and the sanitizer walk stays shallow whatever the
 * body (10,000 nested {@code >} render in milliseconds, see {@code BadInputTest}); and bidirectional overrides are
 * dropped first ({@link BodyText}).
 */
public final class Markdown {

    /** The deepest nesting of block quotes and lists, and of emphasis and links, that renders as markup. */
    static final int MAX_NESTING = 32;

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class,
                    ListBlock.class))
            .maxOpenBlockParsers(MAX_NESTING)
            .maxInlineNesting(MAX_NESTING)
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br />")
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private Markdown() {
    }

    /** The sanitized HTML and the plain text (what a reader reads: link text, not its URL) of a body. */
    public static Rendered render(String body) {
        Node document = PARSER.parse(BodyText.neutralize(body));
        imagesToLinks(document);
        String html = POLICY.sanitize(HTML.render(document)).strip();
        return new Rendered(html, PlainText.of(document));
    }

    private static void imagesToLinks(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Image image) {
                Link link = new Link(image.getDestination(), image.getTitle());
                Node alt = image.getFirstChild();
                while (alt != null) {
                    Node nextAlt = alt.getNext();
                    link.appendChild(alt);
                    alt = nextAlt;
                }
                if (link.getFirstChild() == null) {
                    link.appendChild(new Text(image.getDestination()));
                }
                image.insertBefore(link);
                image.unlink();
            } else {
                imagesToLinks(child);
            }
            child = next;
        }
    }

    /** A rendered body: HTML safe to insert into a page, and the text a reader sees. */
    public record Rendered(String html, String plainText) {
    }
}
