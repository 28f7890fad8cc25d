package org.parley.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.DisplayNames;
import org.parley.account.SignedIn;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.site.OidcClient;
import org.parley.site.Site;
import org.parley.site.SiteStore;

/**
 * Sign-in with an OpenID provider, by the authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce}. {@link #start} keeps the sign-in under way (hashes of the state and of a cookie that ties it to the
 * browser) and answers the provider's address; {@link #finish} takes it once, exchanges the code, checks the ID token
 * with Nimbus' validator (issuer, audience, expiry, signature, nonce) and signs the reader in: a new identity makes a
 * new reader, a known one finds its account. An identity joins an existing account only when its owner, signed in,
 * began the sign-in to link it, never by its e-mail. Thread-safe.
 */
public final class OidcSignIn {

    /** A sign-in must come back from the provider within this time. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int TIMEOUT_MILLIS = 5000;

    /** Where the reader goes next: signed in ({@code signedIn}) or, when linking, with the identity linked. */
    public record Outcome(SignedIn signedIn, String returnUrl, boolean linked) {
    }

    /** A refused callback, with the article to go back to when the sign-in under way was found. */
    public static final class Refused extends RuntimeException {
        private final Problem problem;
        private final String returnUrl;

        Refused(Problem problem, String returnUrl) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
            this.returnUrl = returnUrl;
        }

        public Problem problem() {
            return problem;
        }

        /** The article the reader came from, or null when the state told nothing. */
        public String returnUrl() {
            return returnUrl;
        }
    }

    private final OidcStore store;
    private final SiteStore sites;
    private final Accounts accounts;
    private final ProviderDiscovery discovery;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    public OidcSignIn(OidcStore store, SiteStore sites, Accounts accounts, ProviderDiscovery discovery,
            Supplier<String> publicUrl, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.accounts = accounts;
        this.discovery = discovery;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The address providers send readers back to: the one to register with each provider. */
    public URI redirectUri() {
        String base = publicUrl.get();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/api/v1/auth/oidc/callback");
    }

    /**
     * Begins a sign-in at the site's provider and answers the provider's address to send the browser to.
     * {@code returnUrl} is already checked against the site's origins; {@code browserKey} is the random value of
     * the cookie the caller sets; {@code linking}: the signed-in account the identity is to join, or null.
     * 404 {@code provider_not_found} when the site does not allow the provider.
     */
    public URI start(Site site, String provider, String returnUrl, String browserKey, Account linking) {
        OidcClient client = client(site.id(), provider);
        OIDCProviderMetadata metadata = discovery.metadata(client.issuer());
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Instant now = clock.instant();
        store.begin(new OidcStore.PendingLogin(Accounts.hashToken(state.getValue()), Accounts.hashToken(browserKey),
                site.id(), provider, nonce.getValue(), verifier.getValue(), returnUrl,
                linking == null ? null : linking.id(), now), now.minus(PENDING_LIFETIME));
        boolean apple = client.issuer().equals(OidcClient.WELL_KNOWN.get("apple"));
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                apple ? new Scope("openid", "name", "email") : new Scope("openid", "profile", "email"),
                new ClientID(client.clientId()), redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (apple) {
            request.responseMode(ResponseMode.FORM_POST); // Apple's rule when it is asked for name or e-mail
        }
        return request.build().toURI();
    }

    /** The provider's answer as the callback received it; {@code givenName}: a name sent beside the token, or null. */
    public record Answer(String state, String code, String error, String givenName) {
    }

    /**
     * Finishes the sign-in a state names, once. {@code current}: the account signed in in this browser, or null.
     * Throws {@link Refused} when anything fails; nobody is signed in then.
     */
    public Outcome finish(Answer answer, String browserKey, Account current) {
        String state = answer.state();
        String code = answer.code();
        String error = answer.error();
        if (state == null || state.isBlank()) {
            throw new Refused(stateProblem(), null);
        }
        OidcStore.PendingLogin login = store.take(Accounts.hashToken(state))
                .orElseThrow(() -> new Refused(stateProblem(), null));
        try {
            if (browserKey == null || !Accounts.hashToken(browserKey).equals(login.browserHash())) {
                throw new Problem(ProblemKind.INVALID, "oidc_state", "This sign-in began in another browser (or"
                        + " its cookie is gone); start again from the article.");
            }
            if (login.createdAt().isBefore(clock.instant().minus(PENDING_LIFETIME))) {
                throw new Problem(ProblemKind.INVALID, "oidc_expired", "The sign-in took longer than "
                        + PENDING_LIFETIME.toMinutes() + " minutes; start again from the article.");
            }
            if (error != null || code == null || code.isBlank()) {
                throw new Problem(ProblemKind.UNAUTHENTICATED, "oidc_refused", "The provider did not sign you in"
                        + (error == null ? "." : " (" + error + ")."));
            }
            OidcClient client = client(login.siteId(), login.provider());
            OIDCProviderMetadata metadata = discovery.metadata(client.issuer());
            IDTokenClaimsSet claims = exchange(client, metadata, code, login);
            OidcStore.Identity identity = new OidcStore.Identity(claims.getIssuer().getValue(),
                    claims.getSubject().getValue(), login.provider(), verifiedEmail(claims));
            if (login.linkAccountId() != null) {
                if (current == null || !current.id().equals(login.linkAccountId())) {
                    throw Problem.forbidden("oidc_link", "Linking needs the account that began it signed in;"
                            + " sign in and start again.");
                }
                store.link(identity, current.id(), clock.instant());
                return new Outcome(null, login.returnUrl(), true);
            }
            String accountId = store.signIn(identity, displayName(claims, answer.givenName()), clock.instant());
            Account account = accounts.findAccount(accountId).orElseThrow();
            return new Outcome(accounts.startSession(account), login.returnUrl(), false);
        } catch (Problem problem) {
            throw new Refused(problem, login.returnUrl());
        }
    }

    /** Exchanges the code (with the PKCE verifier) for tokens and checks the ID token. */
    private IDTokenClaimsSet exchange(OidcClient client, OIDCProviderMetadata metadata, String code,
            OidcStore.PendingLogin login) {
        try {
            TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), authentication(client, metadata),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri(),
                            new CodeVerifier(login.codeVerifier())));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                ErrorObject refusal = response.toErrorResponse().getErrorObject();
                throw new Problem(ProblemKind.UNAUTHENTICATED, "oidc_token", "The provider refused the sign-in's"
                        + " code (" + refusal.getCode() + "); start again from the article.");
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
            return discovery.validator(metadata, client.clientId())
                    .validate(tokens.getOIDCTokens().getIDToken(), new Nonce(login.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new Problem(ProblemKind.UNAUTHENTICATED, "oidc_id_token", "The provider's ID token failed the"
                    + " check (" + e.getMessage() + "); nobody was signed in.");
        } catch (IOException | ParseException | ClassCastException e) {
            throw new Problem(ProblemKind.UNAUTHENTICATED, "oidc_token", "The provider's token answer could not be"
                    + " used (" + e.getMessage() + "); start again from the article.");
        }
    }

    /** The secret in the way the provider takes it: HTTP Basic unless it names only the form. */
    private static ClientAuthentication authentication(OidcClient client, OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        ClientID id = new ClientID(client.clientId());
        Secret secret = new Secret(client.clientSecret());
        return methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }

    private OidcClient client(String siteId, String provider) {
        return sites.oidcClients(siteId).stream()
                .filter(client -> client.provider().equals(provider))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("provider", "The site '" + siteId + "' does not offer sign-in"
                        + " with '" + provider + "'."));
    }

    private static Problem stateProblem() {
        return new Problem(ProblemKind.INVALID, "oidc_state", "This sign-in is unknown or was used already;"
                + " start again from the article.");
    }

    /** The e-mail when the provider says it verified it (Apple says so with the string "true"), else null. */
    static String verifiedEmail(IDTokenClaimsSet claims) {
        Object verified = claims.getClaim("email_verified");
        String email = claims.getStringClaim("email");
        boolean yes = Boolean.TRUE.equals(verified) || "true".equals(verified);
        return yes && email != null && email.length() <= 254 ? email.strip().toLowerCase(java.util.Locale.ROOT) : null;
    }

    /**
     * The name the claims give (name, given and family name, nickname), else the one sent beside the token (Apple's
     * {@code user} field, on the first sign-in only), tidied; "Reader" when there is none.
     */
    static String displayName(IDTokenClaimsSet claims, String givenName) {
        String given = claims.getStringClaim("given_name");
        String family = claims.getStringClaim("family_name");
        for (String name : new String[] {claims.getStringClaim("name"),
                ((given == null ? "" : given) + " " + (family == null ? "" : family)),
                claims.getStringClaim("nickname"), givenName}) {
            String tidy = DisplayNames.tidy(name);
            if (tidy != null) {
                return tidy;
            }
        }
        return "Reader";
    }
}
