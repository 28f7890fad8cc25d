package org.parley.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small but real OpenID provider on loopback for tests, built on the same Nimbus libraries Parley uses: a
 * discovery document, a JWKS, an authorize endpoint that approves the current test user at once and sends the
 * browser back with a code, and a token endpoint that checks the client secret (HTTP Basic or form), the redirect
 * URI, the PKCE verifier (S256 only) and uses each code once, then answers an ID token signed with its RSA key.
 * Tests turn knobs to make it misbehave: a wrong audience, an expired token, a signature by another key.
 * Register it as a static {@code @RegisterExtension} field. Thread-safe.
 */
public final class OidcProvider implements BeforeAllCallback, AfterAllCallback {

    /** The reader the provider signs in; {@code emailVerified} as the token's claim says. */
    public record User(String subject, String name, String email, boolean emailVerified) {
    }

    private record Grant(String clientId, URI redirectUri, String nonce, CodeChallenge challenge, User user) {
    }

    private final String clientId;
    private final String clientSecret;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile User user = new User("reader-1", "Ada Reader", "ada@example.org", true);
    private volatile String audience;
    private volatile Duration lifetime = Duration.ofMinutes(5);
    private volatile boolean signWithOtherKey;
    private HttpServer http;

    public OidcProvider(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate(); // same kid, other key
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "application/json", metadata().toJSONObject().toJSONString()));
        http.createContext("/jwks", exchange -> answer(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        http.createContext("/authorize", this::authorize);
        http.createContext("/token", this::token);
        http.start();
    }

    public void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The reader the next authorization signs in. */
    public void signInAs(User next) {
        user = next;
    }

    /** Puts another audience in the ID tokens (null: the client id again). */
    public void audience(String wrong) {
        audience = wrong;
    }

    /** How long ID tokens live from now; a negative one issues tokens that expired already. */
    public void lifetime(Duration given) {
        lifetime = given;
    }

    /** Signs ID tokens with another RSA key under the published key's id: their signature cannot be verified. */
    public void signWithOtherKey(boolean other) {
        signWithOtherKey = other;
    }

    /** Back to good behaviour: the right audience, five minutes' life, the published key. */
    public void behave() {
        audience = null;
        lifetime = Duration.ofMinutes(5);
        signWithOtherKey = false;
    }

    /** How many ID tokens the token endpoint has issued. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    private OIDCProviderMetadata metadata() {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer()),
                List.of(SubjectType.PUBLIC), URI.create(issuer() + "/jwks"));
        metadata.setAuthorizationEndpointURI(URI.create(issuer() + "/authorize"));
        metadata.setTokenEndpointURI(URI.create(issuer() + "/token"));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod
                .CLIENT_SECRET_BASIC, com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_POST));
        return metadata;
    }

    /** Approves the current user at once: back to the redirect URI with a new code and the state. */
    private void authorize(HttpExchange exchange) throws IOException {
        try {
            AuthenticationRequest request = AuthenticationRequest.parse(exchange.getRequestURI());
            if (!request.getClientID().getValue().equals(clientId) || !request.getResponseType().equals(
                    ResponseType.CODE) || request.getCodeChallenge() == null
                    || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())
                    || request.getNonce() == null || request.getState() == null) {
                answer(exchange, 400, "text/plain", "refused: client, response type, PKCE S256, nonce and state");
                return;
            }
            AuthorizationCode code = new AuthorizationCode();
            codes.put(code.getValue(), new Grant(clientId, request.getRedirectionURI(), request.getNonce().getValue(),
                    request.getCodeChallenge(), user));
            URI back = new AuthorizationSuccessResponse(request.getRedirectionURI(), code, null, request.getState(),
                    null).toURI();
            exchange.getResponseHeaders().add("Location", back.toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } catch (ParseException e) {
            answer(exchange, 400, "text/plain", "refused: " + e.getMessage());
        }
    }

    /** Exchanges a code once, for a client that proves its secret and the PKCE verifier. */
    private void token(HttpExchange exchange) throws IOException {
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, URI.create(issuer() + "/token"));
            exchange.getRequestHeaders().forEach((name, values) -> request.setHeader(name,
                    values.toArray(String[]::new)));
            request.setBody(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            TokenRequest tokenRequest = TokenRequest.parse(request);
            Secret secret = tokenRequest.getClientAuthentication() instanceof ClientSecretBasic basic
                    ? basic.getClientSecret() : tokenRequest.getClientAuthentication() instanceof ClientSecretPost post
                    ? post.getClientSecret() : null;
            if (secret == null || !secret.getValue().equals(clientSecret)
                    || !tokenRequest.getClientAuthentication().getClientID().getValue().equals(clientId)) {
                refuse(exchange, OAuth2Error.INVALID_CLIENT);
                return;
            }
            if (!(tokenRequest.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
                refuse(exchange, OAuth2Error.UNSUPPORTED_GRANT_TYPE);
                return;
            }
            Grant issued = codes.remove(grant.getAuthorizationCode().getValue()); // a code works once
            if (issued == null || !issued.redirectUri().equals(grant.getRedirectionURI())
                    || grant.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256,
                    grant.getCodeVerifier()).equals(issued.challenge())) {
                refuse(exchange, OAuth2Error.INVALID_GRANT);
                return;
            }
            OIDCTokens tokens = new OIDCTokens(idToken(issued), new BearerAccessToken(), null);
            tokensIssued.incrementAndGet();
            answer(exchange, 200, "application/json", new OIDCTokenResponse(tokens).toJSONObject().toJSONString());
        } catch (ParseException | JOSEException e) {
            answer(exchange, 400, "application/json", new TokenErrorResponse(OAuth2Error.INVALID_REQUEST
                    .setDescription(e.getMessage())).toJSONObject().toJSONString());
        }
    }

    private SignedJWT idToken(Grant grant) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.user().subject())
                .audience(audience == null ? grant.clientId() : audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("nonce", grant.nonce())
                .claim("name", grant.user().name())
                .claim("email", grant.user().email())
                .claim("email_verified", grant.user().emailVerified())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        token.sign(new RSASSASigner(signWithOtherKey ? otherKey : key));
        return token;
    }

    private static void refuse(HttpExchange exchange, ErrorObject error) throws IOException {
        answer(exchange, error.getHTTPStatusCode(), "application/json",
                new TokenErrorResponse(error).toJSONObject().toJSONString());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
