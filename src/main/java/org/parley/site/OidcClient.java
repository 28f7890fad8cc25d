package org.parley.site;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.parley.problem.Problem;

/**
 * A site's client at one OpenID provider: the provider's name on the site ({@code google}, {@code microsoft},
 * {@code apple} or one the admin chose), its issuer, and the client id and secret the provider issued. Every
 * configured provider is one the site allows. The secret never leaves the server: views say only whether it is set.
 * Immutable.
 */
public record OidcClient(String provider, String issuer, String clientId, String clientSecret) {

    /** The issuers of the well-known providers; Microsoft's is the tenant of personal accounts. */
    public static final Map<String, String> WELL_KNOWN = Map.of(
            "google", "https://accounts.google.com",
            "microsoft", "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            "apple", "https://appleid.apple.com");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final int MAX_LENGTH = 4000;

    /** A provider's name as the start URL spells it; 400 on {@code provider} otherwise. */
    public static String checkName(String provider) {
        if (provider == null || !NAME.matcher(provider).matches()) {
            throw Problem.invalid("provider", "A provider's name takes 1 to 30 characters a-z, 0-9 and '-'"
                    + " (google, microsoft, apple or your own).");
        }
        return provider;
    }

    /**
     * The issuer to use: the given one (an https URL, or http on a loopback address for tests and development), or
     * the well-known one of the name. 400 on {@code issuer} otherwise.
     */
    public static String checkIssuer(String provider, String issuer) {
        if (issuer == null || issuer.isBlank()) {
            String known = WELL_KNOWN.get(provider);
            if (known == null) {
                throw Problem.invalid("issuer", "Give the issuer URL of the provider '" + provider + "'.");
            }
            return known;
        }
        try {
            URI uri = new URI(issuer.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (issuer.length() > 500 || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
                throw new IllegalArgumentException("not an issuer");
            }
            return issuer.strip();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw Problem.invalid("issuer", "The issuer is the provider's https URL without query or fragment, as"
                    + " its discovery document names it.");
        }
    }

    /** A client id or secret from an admin: 1 to 4000 characters without surrounding spaces. */
    public static String checkCredential(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw Problem.invalid(field, field + " takes 1 to " + MAX_LENGTH + " characters without surrounding"
                    + " spaces.");
        }
        return value;
    }
}
