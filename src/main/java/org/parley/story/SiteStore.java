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
                        "SELECT id, name, origins, guidelines FROM sites WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Site(rs.getString("id"), rs.getString("name"),
                        splitOrigins(rs.getString("origins")), rs.getString("guidelines")))
                .findOne());
    }

    public List<Site> list() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, name, origins, guidelines FROM sites ORDER BY id")
                .map((rs, ctx) -> new Site(rs.getString("id"), rs.getString("name"),
                        splitOrigins(rs.getString("origins")), rs.getString("guidelines")))
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

    /** Inserts the site, or updates its name, origins and guidelines when it exists. */
    public void save(Site site, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO sites (id, name, origins, guidelines, created_at)
                        VALUES (:id, :name, :origins, :guidelines, :createdAt)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, origins = excluded.origins,
                            guidelines = excluded.guidelines""")
                .bind("id", site.id())
                .bind("name", site.name())
                .bind("origins", String.join("\n", site.origins()))
                .bind("guidelines", site.guidelines())
                .bind("createdAt", now.toEpochMilli())
                .execute());
    }

    private static List<String> splitOrigins(String origins) {
        return Arrays.stream(origins.split("\n")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
