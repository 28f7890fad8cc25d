package org.parley.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.problem.Problem;
import org.parley.site.OidcClient;
import org.parley.site.SiteStore;

/**
 * A site's OpenID providers as admins see and change them: the settings API, the dashboard and
 * {@code parley site set} all go through here. The client secret is write-only: views say whether it is set.
 * Thread-safe.
 */
public final class OidcClients {

    /** At most this many providers per site. */
    static final int MAX_PROVIDERS = 10;

    /**
     * A change to one provider: a null field keeps what is stored ({@code issuer}: the well-known one for a new
     * google, microsoft or apple).
     */
    public record Change(String issuer, String clientId, String clientSecret) {
    }

    /** A provider as admins see it: never the secret, only whether one is set. */
    public record View(String provider, String issuer, String clientId, boolean secretSet) {
        static View of(OidcClient client) {
            return new View(client.provider(), client.issuer(), client.clientId(), client.clientSecret() != null);
        }
    }

    private final SiteStore sites;

    public OidcClients(SiteStore sites) {
        this.sites = sites;
    }

    /** The site's providers, for admins; empty for an unknown site. */
    public List<View> view(String siteId) {
        return sites.oidcClients(siteId).stream().map(View::of).toList();
    }

    /** The names of the providers a site allows, for the widget. */
    public List<String> allowed(String siteId) {
        return sites.oidcClients(siteId).stream().map(OidcClient::provider).toList();
    }

    /**
     * The site's providers after the given changes, checked but not saved: a provider named with null is removed,
     * one named with a {@link Change} added or changed. 404 for an unknown site, 400 naming the field refused.
     */
    public List<OidcClient> changed(String siteId, Map<String, Change> changes) {
        sites.find(siteId).orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
        Map<String, OidcClient> next = new LinkedHashMap<>();
        sites.oidcClients(siteId).forEach(client -> next.put(client.provider(), client));
        changes.forEach((provider, change) -> {
            OidcClient.checkName(provider);
            if (change == null) {
                next.remove(provider);
                return;
            }
            OidcClient current = next.get(provider);
            String issuer = change.issuer() != null || current == null
                    ? OidcClient.checkIssuer(provider, change.issuer()) : current.issuer();
            String clientId = change.clientId() != null || current == null
                    ? OidcClient.checkCredential("clientId", change.clientId()) : current.clientId();
            String secret = change.clientSecret() != null || current == null
                    ? OidcClient.checkCredential("clientSecret", change.clientSecret()) : current.clientSecret();
            next.put(provider, new OidcClient(provider, issuer, clientId, secret));
        });
        if (next.size() > MAX_PROVIDERS) {
            throw Problem.invalid("oidc", "A site takes at most " + MAX_PROVIDERS + " OpenID providers.");
        }
        return new ArrayList<>(next.values());
    }

    public void save(String siteId, List<OidcClient> clients) {
        sites.saveOidcClients(siteId, clients);
    }
}
