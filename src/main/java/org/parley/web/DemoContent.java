package org.parley.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.comment.Comment;
import org.parley.moderation.Submissions;
import org.parley.site.ArticleUrls;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.store.Ids;

/**
 * The embedded default's demo: the site {@code demo}, whose allowed origins always include the server's own, and,
 * on first start, a short discussion written by three demo readers under the demo article ({@link Pages} serves
 * the article at {@code /}).
 */
public final class DemoContent {

    public static final String SITE_ID = "demo";
    private static final String ARTICLE_TITLE = "Upstream and downstream: river treaty talks resume";

    private final SiteStore sites;
    private final Stories stories;
    private final Accounts accounts;
    private final Submissions submissions;
    private final Clock clock;

    public DemoContent(SiteStore sites, Stories stories, Accounts accounts, Submissions submissions, Clock clock) {
        this.sites = sites;
        this.stories = stories;
        this.accounts = accounts;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** The canonical URL of the demo article for a server reached at {@code publicUrl}. */
    public static String articleUrl(String publicUrl) {
        return ArticleUrls.normalize(publicUrl.replaceAll("/+$", "") + "/");
    }

    /**
     * Makes sure the demo site exists and allows the server's own origins; on first start also writes the demo
     * discussion.
     */
    public void ensure(List<String> serverOrigins, String publicUrl) {
        Optional<Site> existing = sites.find(SITE_ID);
        Set<String> origins = new LinkedHashSet<>(existing.map(Site::origins).orElse(List.of()));
        origins.addAll(serverOrigins);
        origins.add(ArticleUrls.originOf(articleUrl(publicUrl)));
        sites.save(new Site(SITE_ID, existing.map(Site::name).orElse("Parley demo"), new ArrayList<>(origins),
                existing.map(Site::guidelines).orElse(Site.DEFAULT_GUIDELINES),
                existing.map(Site::language).orElse(Site.DEFAULT_LANGUAGE)), clock.instant());
        if (existing.isEmpty()) {
            writeDiscussion(stories.findOrCreate(SITE_ID, articleUrl(publicUrl), ARTICLE_TITLE));
        }
    }

    private void writeDiscussion(Story story) {
        Account amara = demoReader("Amara Okafor");
        Account jonas = demoReader("Jonas Lindqvist");
        Account priya = demoReader("Priya Raman");
        Comment first = submissions.post(amara, story, null, "A shared monitoring station is the part that matters."
                + " Numbers both sides trust will do more than any communiqué.", false).comment();
        Comment reply = submissions.post(jonas, story, first.id(), "I'm less hopeful. The last agreement had"
                + " monitoring too, and the data was disputed within a year. What changes this time?", false)
                .comment();
        submissions.post(amara, story, reply.id(), "Fair question. The draft puts the station under a joint"
                + " commission with a neutral chair, which the old deal never had.", false);
        submissions.post(priya, story, null, "Strongly disagree with the minister's line that the dry-season"
                + " quota is *non-negotiable*. Farmers downstream have lived with the current split for a decade,"
                + " and the article shows how that went.", false);
        submissions.post(jonas, story, null, "Good reporting. Could you publish the draft text once it is"
                + " public? Summaries of treaties tend to lose the details that end up mattering.", false);
    }

    private Account demoReader(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@demo.invalid";
        return accounts.create(email, Ids.random(24), name, Role.READER);
    }
}
