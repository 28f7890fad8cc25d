package org.parley.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes opaque random ids: 16 URL-safe characters (96 random bits), unguessable and free of collisions. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String newId() {
        return random(12);
    }

    /** A URL-safe random token of {@code bytes} random bytes, for secrets such as session keys. */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }
}
