package org.parley.mail;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.account.MailPreferences;

/**
 * The words of Parley's mails, from the {@code mail/messages} bundle in the reader's or site's language (English
 * when a language has no bundle), and the links they carry, made absolute with the public URL. Each message is
 * plain text; its HTML alternative is the same text, escaped, with links made clickable. Counted texts have one
 * key per CLDR plural category of their language ({@link #plural}). Thread-safe.
 */
public final class MailTexts {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** Falls back to the English base bundle, never to the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Supplier<String> publicUrl;

    public MailTexts(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** An absolute link to a path of this server, e.g. {@code /account/verify?token=…}. */
    public String link(String path) {
        String base = publicUrl.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The signed one-click link that switches a kind of notice off for an account. */
    public String unsubscribeLink(LinkTokens tokens, String accountId, MailPreferences.Kind kind) {
        return link("/account/unsubscribe?token=" + tokens.sign(AccountMail.UNSUBSCRIBE, null, accountId, kind.code()));
    }

    /** A message in {@code locale}: greeting, body, and the unsubscribe footer when there is a link. */
    public OutgoingMail compose(Locale locale, String kind, String recipient, String name, String subjectKey,
            Object[] subjectArgs, String bodyKey, Object[] bodyArgs, String unsubscribeUrl) {
        StringBuilder text = new StringBuilder(format(locale, "greeting", name)).append("\n\n")
                .append(format(locale, bodyKey, bodyArgs)).append('\n');
        if (unsubscribeUrl != null) {
            text.append("\n-- \n").append(format(locale, "footer.unsubscribe", unsubscribeUrl)).append('\n');
        }
        return new OutgoingMail(kind, recipient, format(locale, subjectKey, subjectArgs), text.toString(),
                html(text.toString()), unsubscribeUrl);
    }

    /** One string of the bundle, filled in. */
    public String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle(locale);
        return new MessageFormat(bundle.getString(key), language(bundle)).format(args);
    }

    /**
     * A string with plural forms, filled in: the bundle holds {@code key.one}, {@code key.few}, {@code key.other}…
     * by the CLDR plural categories of its language (MessageBundlesTest keeps them complete), and {@code count}
     * picks one by ICU's rules, so Polish 2 takes {@code few} and 5 {@code many}.
     */
    public String plural(Locale locale, String key, long count, Object... args) {
        ResourceBundle bundle = bundle(locale);
        Locale language = language(bundle);
        String category = PluralRules.forLocale(ULocale.forLocale(language)).select(count);
        return new MessageFormat(bundle.getString(key + "." + category), language).format(args);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("mail.messages", locale, NO_FALLBACK);
    }

    /**
     * The language a bundle is written in, which formats its numbers and dates and chooses its plural forms: a
     * language without texts falls back to the English base bundle and so to English ones (not to Arabic digits in
     * an English sentence).
     */
    private static Locale language(ResourceBundle bundle) {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        Matcher links = URL.matcher(escaped);
        StringBuilder linked = new StringBuilder();
        while (links.find()) {
            links.appendReplacement(linked, Matcher.quoteReplacement(
                    "<a href=\"" + links.group() + "\">" + links.group() + "</a>"));
        }
        links.appendTail(linked);
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
        for (String paragraph : linked.toString().split("\n\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
