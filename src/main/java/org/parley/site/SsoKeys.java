package org.parley.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.parley.problem.Problem;

/**
 * A site's keys for publisher sign-in: an HS256 shared secret, an RS256 public key (PEM), either or both (each
 * enables its algorithm), or neither (SSO off). Stored as given; the database is trusted.
 */
public record SsoKeys(String secret, String publicKey) {

    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final int MAX_LENGTH = 10_000;

    public static SsoKeys none() {
        return new SsoKeys(null, null);
    }

    public boolean configured() {
        return secret != null || publicKey != null;
    }

    /** A checked secret from an admin: "" turns HS256 off (null); otherwise 32 to 10,000 characters. */
    public static String checkSecret(String secret) {
        if (secret.isEmpty()) {
            return null;
        }
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_LENGTH || !secret.strip().equals(secret)) {
            throw Problem.invalid("ssoSecret", "The SSO secret takes " + MIN_SECRET_LENGTH
                    + " to 10,000 characters without surrounding spaces (HS256 needs at least 256 bits); \"\" turns"
                    + " it off.");
        }
        return secret;
    }

    /** A checked RS256 public key from an admin: "" turns RS256 off (null); otherwise a PEM RSA public key. */
    public static String checkPublicKey(String pem) {
        if (pem.isBlank()) {
            return null;
        }
        try {
            if (pem.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            rsaPublicKey(pem);
            return pem.strip();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw Problem.invalid("ssoPublicKey", "Give the RS256 public key in PEM (-----BEGIN PUBLIC KEY-----"
                    + " …); \"\" turns it off.");
        }
    }

    /** The RSA public key in a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo). */
    public static RSAPublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
