package org.parley.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.problem.Problem;

/**
 * What an issuer publishes, fetched once and kept: its discovery document ({@code /.well-known/openid-configuration},
 * an hour) and, per client, an ID token validator over its JWKS (Nimbus keeps the keys five minutes and fetches them
 * again at once, rate-limited, when a token names a key it does not know, so a key rotation costs no sign-in).
 * A provider that cannot be reached is not remembered, so the next sign-in tries again. Thread-safe.
 */
public final class ProviderDiscovery {

    /** How long a discovery document is kept. */
    static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final int TIMEOUT_MILLIS = 5000;

    private record ClientKey(String issuer, String clientId, String jwksUri) {
    }

    private final Cache<String, OIDCProviderMetadata> metadata = Caffeine.newBuilder()
            .expireAfterWrite(METADATA_LIFETIME)
            .maximumSize(1000)
            .build();
    private final Cache<ClientKey, IDTokenValidator> validators = Caffeine.newBuilder()
            .expireAfterWrite(METADATA_LIFETIME)
            .maximumSize(1000)
            .build();

    /** The issuer's discovery document; 422 {@code oidc_provider_unavailable} when it cannot be had. */
    public OIDCProviderMetadata metadata(String issuer) {
        return metadata.get(issuer, ProviderDiscovery::resolve);
    }

    private static OIDCProviderMetadata resolve(String issuer) {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (GeneralException | IOException | RuntimeException e) {
            throw unavailable(issuer, e.getMessage());
        }
    }

    /**
     * The validator of ID tokens the issuer signs for {@code clientId}: issuer, audience, expiry, signature (an
     * asymmetric algorithm the discovery document names; RS256 when it names none) and, per call, the nonce.
     */
    IDTokenValidator validator(OIDCProviderMetadata provider, String clientId) {
        String jwksUri = provider.getJWKSetURI() == null ? null : provider.getJWKSetURI().toString();
        return validators.get(new ClientKey(provider.getIssuer().getValue(), clientId, jwksUri), key -> {
            if (key.jwksUri() == null) {
                throw unavailable(key.issuer(), "its discovery document names no jwks_uri");
            }
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(provider.getJWKSetURI().toURL()).build();
                return new IDTokenValidator(provider.getIssuer(), new ClientID(clientId),
                        new JWSVerificationKeySelector<>(algorithms(provider), keys), null);
            } catch (MalformedURLException e) {
                throw unavailable(key.issuer(), "its jwks_uri is not a URL");
            }
        });
    }

    private static Set<JWSAlgorithm> algorithms(OIDCProviderMetadata provider) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        List<JWSAlgorithm> named = provider.getIDTokenJWSAlgs();
        if (named != null) {
            named.stream()
                    .filter(algorithm -> JWSAlgorithm.Family.RSA.contains(algorithm)
                            || JWSAlgorithm.Family.EC.contains(algorithm) || JWSAlgorithm.Family.ED.contains(algorithm))
                    .forEach(algorithms::add);
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }

    private static Problem unavailable(String issuer, String why) {
        return Problem.unprocessable("oidc_provider_unavailable", "The OpenID provider " + issuer
                + " could not be used (" + why + "); try again later, or ask the site's admin to check its issuer.",
                null);
    }
}
