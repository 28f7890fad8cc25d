package org.parley.story;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The SQL of sites. Thread-safe. */
public final class SiteStore {

    private final Jdbi jdbi;

    public SiteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
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
}
