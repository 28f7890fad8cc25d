package org.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Finds active content in HTML the API hands out, as a browser would parse it (jsoup): elements outside the
 * comment subset (script, iframe, object, embed, style, svg, math, img… are all outside it), event-handler
 * attributes, attributes the subset lacks, and links with a scheme other than http(s) and mailto.
 */
final class ActiveContent {

    private static final Set<String> ELEMENTS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote", "ul",
            "ol", "li", "a");
    private static final Set<String> ATTRIBUTES = Set.of("href", "rel", "start");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private ActiveContent() {
    }

    /** What is wrong with the fragment; empty when it is inert. */
    static List<String> in(String html) {
        List<String> found = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("body")) {
                continue;
            }
            if (!ELEMENTS.contains(tag)) {
                found.add("element <" + tag + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || !ATTRIBUTES.contains(name)) {
                    found.add("attribute " + name + " on <" + tag + ">");
                }
                if (name.equals("href") && !safeUrl(attribute.getValue())) {
                    found.add("link to " + attribute.getValue());
                }
            }
        }
        return found;
    }

    /**
     * Whether a URL, as a browser parses it (leading and trailing controls and spaces dropped, tabs and line breaks
     * removed anywhere), is relative (no scheme: it stays on the page's own site) or uses http, https or mailto.
     */
    static boolean safeUrl(String url) {
        String parsed = url.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        Matcher scheme = SCHEME.matcher(parsed);
        if (!scheme.find()) {
            return true;
        }
        return Set.of("http", "https", "mailto").contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}
