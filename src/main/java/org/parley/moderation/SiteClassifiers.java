package org.parley.moderation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.parley.classifier.Classifier;

/**
 * The classifier each site's comments are scored with: the site's active model (see {@link SiteModels}), else the
 * shipped one. Loaded models are cached per site until {@link #forget} is called on a switch; a switch made by
 * another process (the command line, a second server) is seen after that process's server restarts or the site's
 * next switch through this one. Thread-safe.
 */
public final class SiteClassifiers {

    private final Classifier shipped;
    private final SiteModelStore store;
    private final ConcurrentMap<String, Classifier> bySite = new ConcurrentHashMap<>();

    /** Site models from the store, falling back to {@code shipped}. */
    public SiteClassifiers(Classifier shipped, SiteModelStore store) {
        this.shipped = shipped;
        this.store = store;
    }

    /** The shipped classifier for every site: for tools and tests that have no site models. */
    public static SiteClassifiers shippedOnly(Classifier shipped) {
        return new SiteClassifiers(shipped, null);
    }

    /** The classifier for the site's comments. */
    public Classifier forSite(String siteId) {
        if (store == null) {
            return shipped;
        }
        return bySite.computeIfAbsent(siteId,
                site -> store.activeModel(site).map(ModelBytes::classifier).orElse(shipped));
    }

    /** The model shipped in the jar. */
    public Classifier shipped() {
        return shipped;
    }

    /** Drops the cached classifier of a site, so the next comment loads its active model anew. */
    public void forget(String siteId) {
        bySite.remove(siteId);
    }
}
