package org.parley.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of sites, and the only code that writes a {@code sites} row: its name, origins, guidelines and language
 * ({@link Site}), its moderation settings ({@link SiteSettings}, kept as JSON) and its keys for publisher sign-in
 * ({@link SsoKeys}) and OpenID providers ({@link OidcClient}). Other packages read a site here and change it through {@link Sites},
 * {@link SiteAdministration}, {@code sso/SingleSignOn} or {@code oidc/OidcClients}. Thread-safe.
 */
public final class SiteStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a site's settings read for posting may be reused; a change on another instance waits this long. */
    static final Duration SETTINGS_REUSE = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final LoadingCache<String, SiteSettings> recentSettings;

    public SiteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.recentSettings = Caffeine.newBuilder()
                .expireAfterWrite(SETTINGS_REUSE)
                .maximumSize(10_000)
                .build(this::settings);
    }

    public Optional<Site> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, name, origins, guidelines, language FROM sites WHERE id = :id")
                .bind("id", id)
                .map(SiteStore::site)
                .findOne());
    }

    public List<Site> list() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, name, origins, guidelines, language FROM sites ORDER BY id")
                .map(SiteStore::site)
                .list());
    }

    /** Every origin any site allows, for CORS. */
    public List<String> allOrigins() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT origins FROM sites")
                .mapTo(String.class)
                .stream()
                .flatMap(origins -> splitOrigins(origins).stream())
                .distinct()
                .toList());
    }

    /** Inserts the site, or updates its name, origins, guidelines and language when it exists. */
    public void save(Site site, Instant now) {
        insert(site, now, """
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, origins = excluded.origins,
                    guidelines = excluded.guidelines, language = excluded.language""");
    }

    /** Inserts a new site; false when the id is taken. */
    public boolean insert(Site site, Instant now) {
        return insert(site, now, "ON CONFLICT (id) DO NOTHING") == 1;
    }

    private int insert(Site site, Instant now, String onConflict) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO sites (id, name, origins, guidelines, language, created_at)
                        VALUES (:id, :name, :origins, :guidelines, :language, :createdAt)
                        """ + onConflict)
                .bind("id", site.id())
                .bind("name", site.name())
                .bind("origins", String.join("\n", site.origins()))
                .bind("guidelines", site.guidelines())
                .bind("language", site.language())
                .bind("createdAt", now.toEpochMilli())
                .execute());
    }

    private static Site site(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Site(rs.getString("id"), rs.getString("name"), splitOrigins(rs.getString("origins")),
                rs.getString("guidelines"), rs.getString("language"));
    }

    private static List<String> splitOrigins(String origins) {
        return Arrays.stream(origins.split("\n")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }

    /**
     * A site's settings as read at most {@link #SETTINGS_REUSE} ago, for the pipeline, which needs them on every
     * post; a change saved through this store applies at once. Read-modify-write uses {@link #settings}.
     */
    public SiteSettings recentSettings(String siteId) {
        return recentSettings.get(siteId);
    }

    /** A site's settings; the defaults for an unknown site or one that never changed them. */
    public SiteSettings settings(String siteId) {
        String json = jdbi.withHandle(handle -> handle.createQuery("SELECT settings FROM sites WHERE id = :id")
                .bind("id", siteId)
                .mapTo(String.class)
                .findOne()
                .orElse("{}"));
        try {
            return JSON.readValue(json, SiteSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The settings of site " + siteId + " are not valid JSON", e);
        }
    }

    public void saveSettings(String siteId, SiteSettings settings) {
        try {
            String json = JSON.writeValueAsString(settings);
            jdbi.useHandle(handle -> handle.createUpdate("UPDATE sites SET settings = :json WHERE id = :id")
                    .bind("json", json)
                    .bind("id", siteId)
                    .execute());
            recentSettings.invalidate(siteId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The site's keys for publisher sign-in; empty for an unknown site. */
    public Optional<SsoKeys> ssoKeys(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT sso_secret, sso_public_key FROM sites WHERE id = :id")
                .bind("id", siteId)
                .map((rs, ctx) -> new SsoKeys(rs.getString("sso_secret"), rs.getString("sso_public_key")))
                .findOne());
    }

    public void saveSsoKeys(String siteId, SsoKeys keys) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE sites SET sso_secret = :secret, sso_public_key = :key WHERE id = :id")
                .bind("secret", keys.secret())
                .bind("key", keys.publicKey())
                .bind("id", siteId)
                .execute());
    }

    /** The site's OpenID providers with their credentials; empty for an unknown site or one without any. */
    public List<OidcClient> oidcClients(String siteId) {
        String json = jdbi.withHandle(handle -> handle.createQuery("SELECT oidc FROM sites WHERE id = :id")
                .bind("id", siteId)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, OidcClient[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The OpenID providers of site " + siteId + " are not valid JSON", e);
        }
    }

    public void saveOidcClients(String siteId, List<OidcClient> clients) {
        try {
            String json = clients.isEmpty() ? null : JSON.writeValueAsString(clients);
            jdbi.useHandle(handle -> handle.createUpdate("UPDATE sites SET oidc = :json WHERE id = :id")
                    .bind("json", json)
                    .bind("id", siteId)
                    .execute());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
