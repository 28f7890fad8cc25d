package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message bundles under {@code web/i18n/} are complete: each language has every key of the English bundle and
 * no other, with the same placeholders and the plural forms of the language's CLDR categories, and every literal
 * key a script asks {@code t('…')} for, or a page marks with {@code data-i18n="…"}, is in English. The mail texts under {@code mail/} are held to the same rule.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern LITERAL_KEY =
            Pattern.compile("\\bt\\('([\\w.]+)'[,)]|data-i18n(?:-label)?=\"([\\w.]+)\"");

    /** Every language Parley ships, in every bundle family below (widget, widget-more, admin, account, mail). */
    static final List<String> LANGUAGES = List.of("tr", "de", "fr", "es", "it", "nl", "pt", "pl");

    static Stream<Arguments> bundles() {
        return Stream.of("widget", "widget-more", "admin", "account")
                .flatMap(part -> LANGUAGES.stream().map(language -> Arguments.of(part, language)));
    }

    static Stream<String> languages() {
        return LANGUAGES.stream();
    }

    /**
     * A message with plural forms ({"one": …, "other": …} in English) has, in each language, exactly the forms of
     * that language's CLDR plural categories (Polish one, few, many and other; French one, many and other), the
     * categories Intl.PluralRules picks from in the browser.
     */
    @ParameterizedTest
    @MethodSource("bundles")
    void a_bundle_has_every_english_key_with_its_placeholders(String part, String language) throws IOException {
        JsonNode english = bundle(part, "en");
        JsonNode other = bundle(part, language);

        assertThat(keys(other)).isEqualTo(keys(english));
        english.fieldNames().forEachRemaining(key -> {
            assertThat(placeholders(other.get(key))).as("placeholders of %s in %s.%s", key, part, language)
                    .isEqualTo(placeholders(english.get(key)));
            assertThat(other.get(key).isObject()).as("%s.%s: %s has plural forms as in English", part, language, key)
                    .isEqualTo(english.get(key).isObject());
            if (english.get(key).isObject()) {
                assertThat(keys(other.get(key))).as("plural forms of %s in %s.%s", key, part, language)
                        .isEqualTo(categories(language));
                assertThat(keys(english.get(key))).as("plural forms of %s in %s.en", key, part)
                        .isEqualTo(categories("en"));
            }
        });
    }

    /** The CLDR plural categories of a language, by ICU. */
    static Set<String> categories(String language) {
        return new TreeSet<>(PluralRules.forLocale(ULocale.forLanguageTag(language)).getKeywords());
    }

    @ParameterizedTest
    @CsvSource({"widget, widget/widget.js", "widget+more, widget/forms.js", "widget+more, widget/notice.js",
        "widget+more, widget/picks.js",
        "widget+more, widget/challenge.js",
        "admin, admin/notices.js", "admin, admin/admin.js", "admin, admin/api.js",
        "admin, admin/charts.js", "admin, admin/item.js", "admin, admin/log.js", "admin, admin/models.js",
        "admin, admin/overview.js", "admin, admin/queue.js", "admin, admin/settings.js", "admin, admin/users.js",
        "admin, admin/sites.js", "admin, admin/webhooks.js", "admin, admin/index.html", "account, account/account.js",
        "account, account/verify.html", "account, account/reset.html", "account, account/unsubscribe.html",
        "admin, common/page.js", "account, common/page.js", "widget+more, widget/statement.js", "admin, admin/appeals.js",
        "account, account/appeal.html", "admin, admin/transparency.js", "admin, admin/stories.js"})
    void every_key_a_script_asks_for_is_in_english(String part, String script) throws IOException {
        Set<String> english = keys(bundle(part, "en"));
        Matcher keys = LITERAL_KEY.matcher(text("/web/" + script));
        while (keys.find()) {
            String key = keys.group(1) != null ? keys.group(1) : keys.group(2);
            assertThat(english).as("keys of %s.en.json", part).contains(key);
        }
    }

    /**
     * The mail texts ({@code mail/messages*.properties}, MessageFormat patterns) likewise: each language has every
     * English key and no other, with the same numbered placeholders, and no lone single quote, which MessageFormat
     * would take for the start of quoted text and so swallow a placeholder (a trap for Turkish suffixes: "Parley'de").
     * A counted text ({@code key.one}, {@code key.other} in English) has one key per CLDR plural category of the
     * language instead, each with the placeholders of the English forms.
     */
    @ParameterizedTest
    @MethodSource("languages")
    void a_mail_bundle_has_every_english_key_with_its_placeholders(String language) throws IOException {
        Properties english = properties("/mail/messages.properties");
        Properties other = properties("/mail/messages_" + language + ".properties");
        Set<String> plurals = english.stringPropertyNames().stream().filter(key -> key.endsWith(".other"))
                .map(key -> key.substring(0, key.length() - ".other".length())).collect(Collectors.toSet());
        assertThat(plurals).as("counted mail texts").isNotEmpty();

        Set<String> expected = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String base = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
            if (!plurals.contains(base)) {
                expected.add(key);
            }
        }
        plurals.forEach(base -> categories(language).forEach(category -> expected.add(base + "." + category)));
        assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(expected);
        for (String key : other.stringPropertyNames()) {
            String base = key.substring(0, Math.max(0, key.lastIndexOf('.')));
            String englishKey = plurals.contains(base) ? base + ".other" : key;
            assertThat(placeholders(other.getProperty(key))).as("placeholders of %s in mail %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(englishKey)));
            for (Properties bundle : List.of(english, other)) {
                String pattern = bundle.getProperty(bundle == english ? englishKey : key);
                assertThat(pattern.replace("''", "")).as("mail %s: %s", key, pattern).doesNotContain("'");
                Set<String> numbers = placeholders(pattern);
                Object[] arguments = new Object[numbers.stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1];
                Arrays.setAll(arguments, index -> "<argument " + index + ">");
                String formatted = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
                for (String number : numbers) {
                    assertThat(formatted).as("mail %s: %s", key, pattern).contains("<argument " + number + ">");
                }
            }
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text(resource)));
        return properties;
    }

    /** The placeholders of one text, e.g. {@code {0}} or {@code {name}}. */
    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The placeholders of a message, or of all its plural forms. */
    private static Set<String> placeholders(JsonNode message) {
        Set<String> names = new TreeSet<>();
        (message.isObject() ? message.elements() : List.of(message).iterator())
                .forEachRemaining(text -> names.addAll(placeholders(text.asText())));
        return names;
    }

    /** A bundle; {@code widget+more} is the widget's texts with those its parts loaded on demand fetch. */
    private static JsonNode bundle(String part, String language) throws IOException {
        if (part.equals("widget+more")) {
            var merged = (com.fasterxml.jackson.databind.node.ObjectNode) bundle("widget", language);
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) bundle("widget-more", language));
            return merged;
        }
        return new ObjectMapper().readTree(text("/web/i18n/" + part + "." + language + ".json"));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
