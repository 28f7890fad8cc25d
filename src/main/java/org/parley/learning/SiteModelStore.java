package org.parley.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of site models: stored, listed, switched on and off. At most one model of a site is active; none active
 * means the site uses the shipped model. Thread-safe.
 */
public final class SiteModelStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "site_id, version, created_at, created_by, active, base_version,"
            + " metric_before, metric_after, metrics, held_back, examples";

    private final Jdbi jdbi;

    public SiteModelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a model, inactive; a model with the same version (same bytes) is kept as it was. */
    public void insert(SiteModel model, byte[] bytes) {
        jdbi.useTransaction(handle -> {
            if (find(handle, model.siteId(), model.version()).isPresent()) {
                return;
            }
            handle.createUpdate("INSERT INTO site_models (" + COLUMNS + ", model) VALUES (:site, :version, :at, :by,"
                            + " 0, :base, :before, :after, :metrics, :heldBack, :examples, :model)")
                    .bind("site", model.siteId())
                    .bind("version", model.version())
                    .bind("at", model.createdAt().toEpochMilli())
                    .bind("by", model.createdBy())
                    .bind("base", model.baseVersion())
                    .bind("before", model.metricBefore())
                    .bind("after", model.metricAfter())
                    .bind("metrics", json(model.categoryMetrics()))
                    .bind("heldBack", model.heldBack())
                    .bind("examples", model.examples())
                    .bind("model", bytes)
                    .execute();
        });
    }

    /** The site's models, newest first. */
    public List<SiteModel> list(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM site_models WHERE site_id = :site ORDER BY created_at DESC, version")
                .bind("site", siteId)
                .map((rs, ctx) -> model(rs))
                .list());
    }

    public Optional<SiteModel> find(String siteId, String version) {
        return jdbi.withHandle(handle -> find(handle, siteId, version));
    }

    /** The bytes of the site's active model, if it has one. */
    public Optional<byte[]> activeModel(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT model FROM site_models WHERE site_id = :site AND active = 1")
                .bind("site", siteId)
                .map((rs, ctx) -> rs.getBytes("model"))
                .findFirst());
    }

    /** The version of the site's active model, without its bytes: a cheap check for a switch made elsewhere. */
    public Optional<String> activeVersion(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT version FROM site_models WHERE site_id = :site AND active = 1")
                .bind("site", siteId)
                .mapTo(String.class)
                .findFirst());
    }

    /** Makes the model the site's only active one; false when there is no such model. */
    public boolean activate(String siteId, String version, Instant now) {
        return jdbi.inTransaction(handle -> {
            if (find(handle, siteId, version).isEmpty()) {
                return false;
            }
            handle.createUpdate("UPDATE site_models SET active = 0 WHERE site_id = :site AND active = 1")
                    .bind("site", siteId)
                    .execute();
            handle.createUpdate("UPDATE site_models SET active = 1, activated_at = :now"
                            + " WHERE site_id = :site AND version = :version")
                    .bind("now", now.toEpochMilli())
                    .bind("site", siteId)
                    .bind("version", version)
                    .execute();
            return true;
        });
    }

    /**
     * Switches the active model off and the one active before it back on (none: the shipped model). Returns
     * false when no model was active. The switched-off model forgets its activation, so rolling back again goes
     * one further step back.
     */
    public boolean rollback(String siteId) {
        return jdbi.inTransaction(handle -> {
            int switchedOff = handle.createUpdate("UPDATE site_models SET active = 0, activated_at = NULL"
                            + " WHERE site_id = :site AND active = 1")
                    .bind("site", siteId)
                    .execute();
            if (switchedOff == 0) {
                return false;
            }
            handle.createQuery("SELECT version FROM site_models WHERE site_id = :site AND activated_at IS NOT NULL"
                            + " ORDER BY activated_at DESC, version LIMIT 1")
                    .bind("site", siteId)
                    .mapTo(String.class)
                    .findFirst()
                    .ifPresent(previous -> handle.createUpdate(
                                    "UPDATE site_models SET active = 1 WHERE site_id = :site AND version = :version")
                            .bind("site", siteId)
                            .bind("version", previous)
                            .execute());
            return true;
        });
    }

    private static Optional<SiteModel> find(Handle handle, String siteId, String version) {
        return handle.createQuery("SELECT " + COLUMNS
                        + " FROM site_models WHERE site_id = :site AND version = :version")
                .bind("site", siteId)
                .bind("version", version)
                .map((rs, ctx) -> model(rs))
                .findFirst();
    }

    private static SiteModel model(ResultSet rs) throws SQLException {
        return new SiteModel(rs.getString("site_id"), rs.getString("version"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"), rs.getInt("active") == 1,
                rs.getString("base_version"), nullableDouble(rs, "metric_before"), nullableDouble(rs, "metric_after"),
                metrics(rs.getString("metrics")), rs.getInt("held_back"), rs.getInt("examples"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static String json(Map<String, Double[]> metrics) {
        try {
            return JSON.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Double[]> metrics(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Double[]>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad metrics JSON in site_models: " + json, e);
        }
    }
}
