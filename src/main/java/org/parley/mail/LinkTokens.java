package org.parley.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.parley.store.ServerSecrets;
import org.parley.webhook.Signature;

/**
 * Signs and checks the tokens in mailed links (verify, reset, unsubscribe). A token is
 * {@code base64url(payload).base64url(HMAC-SHA256(payload))}; the payload holds the purpose, the expiry (epoch
 * seconds, 0 for never) and the fields, one per line. The key (base64 of 32 random bytes) is made by the first
 * instance that starts and kept with the other {@link ServerSecrets}, so every instance on the database signs
 * alike. Thread-safe.
 */
public final class LinkTokens {

    private static final String KEY_NAME = "mail-links";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    private LinkTokens(byte[] secret) {
        this.key = secret.clone();
    }

    /** The tokens of this database's key, made and stored on first use. */
    public static LinkTokens load(Jdbi jdbi, Instant now) {
        String secret = new ServerSecrets(jdbi).findOrCreate(KEY_NAME, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return Base64.getEncoder().encodeToString(fresh);
        }, now);
        return new LinkTokens(Base64.getDecoder().decode(secret));
    }

    /** A token for {@code purpose} carrying {@code fields} (none may hold a line break), valid until {@code expires}. */
    public String sign(String purpose, Instant expires, String... fields) {
        StringBuilder payload = new StringBuilder(purpose).append('\n')
                .append(expires == null ? 0 : expires.getEpochSecond());
        for (String field : fields) {
            if (field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A token field holds a line break");
            }
            payload.append('\n').append(field);
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The fields of a well-signed, unexpired token for {@code purpose}; empty for anything else. */
    public Optional<List<String>> check(String token, String purpose, Instant now) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(payload, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.size() < 2 || !lines.get(0).equals(purpose)) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(lines.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (expires != 0 && now.getEpochSecond() >= expires) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(lines.subList(2, lines.size())));
    }

    /** A short, one-way fingerprint of a secret (a password hash), so a token can stop working when it changes. */
    public String fingerprint(String secret) {
        return ENCODER.encodeToString(Arrays.copyOf(mac(("fingerprint\n" + secret)
                .getBytes(StandardCharsets.UTF_8)), 12));
    }

    private byte[] mac(byte[] payload) {
        return Signature.hmac(key, payload);
    }
}
