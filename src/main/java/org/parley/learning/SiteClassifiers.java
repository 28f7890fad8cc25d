package org.parley.learning;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.parley.classifier.Classifier;

/**
 * The classifier each site's comments are scored with: the site's active model (see {@link SiteModels}), else the
 * shipped one. Loaded models are cached per site; a switch through this server is seen at once ({@link #forget}),
 * and a switch made elsewhere (the command line, another instance) within {@link #RECHECK}: after that long, the
 * next comment asks the database which version is active (one small query) and loads the model only if it
 * changed. Thread-safe.
 */
public final class SiteClassifiers {

    private final Classifier shipped;
    private final SiteModelStore store;
    /** How long a site's cached model is trusted before the active version is checked again. */
    static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(30);

    private final ConcurrentMap<String, Loaded> bySite = new ConcurrentHashMap<>();

    /** A site's loaded classifier, the version it is ({@code null}: the shipped one), and when it was checked. */
    private record Loaded(Classifier classifier, String version, long checkedAtNanos) {
    }

    private final long recheckNanos;

    /** Site models from the store, falling back to {@code shipped}, re-checked every {@link #RECHECK}. */
    public SiteClassifiers(Classifier shipped, SiteModelStore store) {
        this(shipped, store, RECHECK);
    }

    /** Site models from the store, falling back to {@code shipped}, re-checked after {@code recheck}. */
    public SiteClassifiers(Classifier shipped, SiteModelStore store, java.time.Duration recheck) {
        this.shipped = shipped;
        this.store = store;
        this.recheckNanos = recheck.toNanos();
    }

    /** The shipped classifier for every site: for tools and tests that have no site models. */
    public static SiteClassifiers shippedOnly(Classifier shipped) {
        return new SiteClassifiers(shipped, null);
    }

    /** The shipped classifier, which site models sit on. */
    public Classifier shipped() {
        return shipped;
    }

    /** The classifier for the site's comments. */
    public Classifier forSite(String siteId) {
        if (store == null) {
            return shipped;
        }
        long now = System.nanoTime();
        Loaded loaded = bySite.get(siteId);
        if (loaded != null && now - loaded.checkedAtNanos() < recheckNanos) {
            return loaded.classifier();
        }
        String version = store.activeVersion(siteId).orElse(null);
        if (loaded != null && java.util.Objects.equals(version, loaded.version())) {
            bySite.put(siteId, new Loaded(loaded.classifier(), version, now));
            return loaded.classifier();
        }
        Classifier classifier = version == null ? shipped
                : store.activeModel(siteId).map(bytes -> Classifier.fromBytes(bytes, shipped)).orElse(shipped);
        bySite.put(siteId, new Loaded(classifier, version, now));
        return classifier;
    }


    /** Drops the cached classifier of a site, so the next comment loads its active model anew. */
    public void forget(String siteId) {
        bySite.remove(siteId);
    }
}
