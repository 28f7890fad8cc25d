package org.parley.imports;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.HtmlSanitizer;

/**
 * Turns an exported comment's HTML into Parley's Markdown, so an imported comment is stored like one written here:
 * a Markdown body, and HTML rendered and sanitized from it by {@code comment/Markdown}. The OWASP sanitizer's
 * lexer reads the HTML (balancing tags and decoding entities); paragraphs, line breaks, emphasis, strong, code,
 * links and quotes become their Markdown; every other element keeps only its text, and scripts, styles and
 * embedded objects lose their content too. Text is escaped where Markdown would read it as markup, so a literal
 * asterisk stays an asterisk. Thread-safe.
 */
final class HtmlToMarkdown {

    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "noscript",
            "template", "svg", "math", "head", "title", "textarea", "select");
    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "li", "pre", "h1", "h2", "h3", "h4",
            "h5", "h6", "table", "tr", "blockquote");

    private HtmlToMarkdown() {
    }

    /** Markdown for HTML; blank lines (WordPress' paragraphs) and line breaks in {@code html} count when asked. */
    static String convert(String html, boolean newlinesAreBreaks) {
        String source = newlinesAreBreaks ? html.replace("\r\n", "\n").replaceAll("\n\\s*\n", "<p>")
                .replace("\n", "<br>") : html;
        Writer writer = new Writer();
        HtmlSanitizer.sanitize(source, writer);
        return writer.markdown();
    }

    /** Receives the lexer's events and writes Markdown. */
    private static final class Writer implements HtmlSanitizer.Policy {

        private final StringBuilder out = new StringBuilder();
        private StringBuilder link;
        private String href;
        private int dropped;
        private int quoteDepth;

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            String element = name.toLowerCase(Locale.ROOT);
            if (DROPPED.contains(element)) {
                dropped++;
                return;
            }
            if (dropped > 0) {
                return;
            }
            switch (element) {
                case "br" -> newLine();
                case "em", "i" -> write("*");
                case "strong", "b" -> write("**");
                case "code", "tt" -> write("`");
                case "blockquote" -> {
                    paragraph();
                    quoteDepth++;
                }
                case "a" -> {
                    href = attribute(attributes, "href");
                    link = new StringBuilder();
                }
                case "li" -> {
                    newLine();
                    write("- ");
                }
                default -> {
                    if (BLOCKS.contains(element)) {
                        paragraph();
                    }
                }
            }
        }

        @Override
        public void closeTag(String name) {
            String element = name.toLowerCase(Locale.ROOT);
            if (DROPPED.contains(element)) {
                dropped = Math.max(0, dropped - 1);
                return;
            }
            if (dropped > 0) {
                return;
            }
            switch (element) {
                case "em", "i" -> write("*");
                case "strong", "b" -> write("**");
                case "code", "tt" -> write("`");
                case "blockquote" -> {
                    quoteDepth = Math.max(0, quoteDepth - 1);
                    paragraph();
                }
                case "a" -> closeLink();
                default -> {
                    if (BLOCKS.contains(element)) {
                        paragraph();
                    }
                }
            }
        }

        @Override
        public void text(String text) {
            if (dropped > 0) {
                return;
            }
            String collapsed = text.replaceAll("\\s+", " ");
            if (atLineStart()) {
                collapsed = collapsed.stripLeading();
            }
            write(escape(collapsed));
        }

        private void closeLink() {
            if (link == null) {
                return;
            }
            String text = link.toString().strip();
            StringBuilder target = link;
            link = null;
            boolean usable = href != null && (href.startsWith("http://") || href.startsWith("https://"));
            if (usable && !text.isEmpty()) {
                write("[" + text + "](" + href.replace("(", "%28").replace(")", "%29").replace(" ", "%20") + ")");
            } else {
                write(target.toString());
            }
            href = null;
        }

        private void write(String text) {
            if (link != null) {
                link.append(text);
                return;
            }
            if (atLineStart() && quoteDepth > 0 && !text.isBlank()) {
                out.append("> ".repeat(quoteDepth));
            }
            out.append(text);
        }

        private void newLine() {
            if (link == null && out.length() > 0 && !atLineStart()) {
                out.append(quoteDepth > 0 ? "\n" : "  \n");
            }
        }

        private void paragraph() {
            if (link != null || out.length() == 0) {
                return;
            }
            while (out.length() > 0 && (out.charAt(out.length() - 1) == ' ')) {
                out.setLength(out.length() - 1);
            }
            if (!out.toString().endsWith("\n\n")) {
                out.append(out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n");
            }
        }

        private boolean atLineStart() {
            StringBuilder target = link != null ? link : out;
            int length = target.length();
            if (length == 0) {
                return true;
            }
            char last = target.charAt(length - 1);
            return last == '\n' || (quoteDepth > 0 && target.toString().endsWith("> "));
        }

        String markdown() {
            return out.toString().strip();
        }

        private static String attribute(List<String> attributes, String name) {
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if (attributes.get(i).equalsIgnoreCase(name)) {
                    return attributes.get(i + 1).strip();
                }
            }
            return null;
        }
    }

    /**
     * Escapes what Markdown would read as markup: emphasis, code, links and HTML characters anywhere, and list,
     * quote and heading markers at the start of a line.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&!".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        String result = escaped.toString();
        int first = result.length() - result.stripLeading().length();
        if (result.matches("(?s)^\\s*[-+#=|~].*")) {
            return result.substring(0, first) + "\\" + result.substring(first);
        }
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("^(\\s*\\d+)([.)])").matcher(result);
        return number.find() ? number.group(1) + "\\" + result.substring(number.group(1).length()) : result;
    }
}
