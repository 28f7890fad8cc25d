package org.parley.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-in tokens as a publisher mints them (with nimbus-jose-jwt), good ones and every kind of bad one. */
public final class PublisherTokens {

    private PublisherTokens() {
    }

    /** The usual claims: sub, name, iat now, exp in five minutes; the map may be changed before signing. */
    public static Map<String, Object> claims(String subject, String name) {
        return claims(subject, name, Instant.now());
    }

    /** The usual claims as of {@code issued}, for a test whose clock is not the real one. */
    public static Map<String, Object> claims(String subject, String name, Instant issued) {
        long now = issued.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", name);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        return claims;
    }

    public static String hs256(String secret, Map<String, Object> claims) {
        return signed(JWSAlgorithm.HS256, secret, claims);
    }

    /** An HMAC token with another algorithm (HS384, HS512…), signed with the secret. */
    public static String signed(JWSAlgorithm algorithm, String secret, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), JWTClaimsSet.parse(claims));
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(KeyPair keys, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(Map<String, Object> claims) {
        try {
            return new PlainJWT(JWTClaimsSet.parse(claims)).serialize();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM block, as a publisher hands it to an admin. */
    public static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
