package org.parley.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.site.SsoKeys;

/**
 * Checks a publisher's sign-in token: a JWT signed with HS256 (the site's secret) or RS256 (the site's public key),
 * whichever the site configured, with {@code sub}, {@code name} and {@code exp} required, {@code email} optional,
 * and {@code nbf}/{@code iat} honoured, all with {@link #CLOCK_SKEW} of leeway. Every refusal is a 401
 * {@code sso_invalid} whose message says what is wrong. Stateless and thread-safe.
 */
final class SsoTokens {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_LENGTH = 8_000;
    private static final int MAX_SUBJECT_LENGTH = 200;

    /** What a valid token says about the publisher's user. */
    record Claims(String subject, String name, String email) {
    }

    private SsoTokens() {
    }

    static Claims verify(SsoKeys keys, String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("Give the publisher's sign-in token (a JWT of at most " + MAX_TOKEN_LENGTH + " characters).");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.strip());
        } catch (ParseException e) {
            throw invalid("The token is not a JWT (three base64url parts separated by dots).");
        }
        if (jwt instanceof PlainJWT) {
            throw invalid("Unsigned tokens (alg: none) are not accepted; sign the token with HS256 or RS256.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw invalid("Encrypted tokens are not accepted; sign the token with HS256 or RS256.");
        }
        checkSignature(keys, signed);
        try {
            return claims(signed.getJWTClaimsSet(), now);
        } catch (ParseException e) {
            throw invalid("The token's claims are malformed: sub, name and email must be strings, exp, nbf and iat"
                    + " numbers.");
        }
    }

    private static void checkSignature(SsoKeys keys, SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        String expected = (keys.secret() != null ? "HS256" : "")
                + (keys.secret() != null && keys.publicKey() != null ? " or " : "")
                + (keys.publicKey() != null ? "RS256" : "");
        JWSVerifier verifier;
        String key;
        try {
            if (JWSAlgorithm.HS256.equals(algorithm) && keys.secret() != null) {
                verifier = new MACVerifier(keys.secret().getBytes(StandardCharsets.UTF_8));
                key = "SSO secret";
            } else if (JWSAlgorithm.RS256.equals(algorithm) && keys.publicKey() != null) {
                verifier = new RSASSAVerifier(SsoKeys.rsaPublicKey(keys.publicKey()));
                key = "SSO public key";
            } else {
                throw invalid("The token is signed with " + algorithm + "; this site expects " + expected + ".");
            }
            if (!jwt.verify(verifier)) {
                throw invalid("The token's signature does not match the site's " + key + ".");
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw invalid("The token's signature cannot be checked with the site's keys: " + e.getMessage());
        }
    }

    private static Claims claims(JWTClaimsSet claims, Instant now) throws ParseException {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw invalid("The token lacks the exp (expiry) claim.");
        }
        if (expires.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw invalid("The token expired at " + expires.toInstant() + ".");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw invalid("The token is not valid before " + notBefore.toInstant() + " (nbf).");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw invalid("The token was issued in the future (iat " + issued.toInstant()
                    + "); check the publisher's clock.");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw invalid("The token lacks the sub claim (the publisher's user id, 1 to " + MAX_SUBJECT_LENGTH
                    + " characters).");
        }
        String name = claims.getStringClaim("name");
        if (name == null || name.strip().isEmpty()) {
            throw invalid("The token lacks the name claim (the reader's display name).");
        }
        return new Claims(subject, name, claims.getStringClaim("email"));
    }

    static Problem invalid(String message) {
        return new Problem(ProblemKind.UNAUTHENTICATED, "sso_invalid", message);
    }
}
