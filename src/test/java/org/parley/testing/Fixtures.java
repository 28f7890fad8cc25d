package org.parley.testing;

import java.time.Clock;
import java.util.List;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.classifier.Classifier;
import org.parley.comment.Comment;
import org.parley.comment.CommentEvents;
import org.parley.comment.CommentRules;
import org.parley.comment.CommentStore;
import org.parley.moderation.EditWindows;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Pipelines;
import org.parley.moderation.Submissions;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.story.StoryStore;
import org.parley.store.Database;

/**
 * The domain objects of one database, built as the server builds them, with builders for complete records:
 * a site allowing https://news.example, readers with numbered names, stories under that site.
 */
public final class Fixtures {

    public static final String SITE = "daily";
    public static final String ORIGIN = "https://news.example";
    /** The shipped model, loaded once for all tests. */
    public static final Classifier CLASSIFIER = Classifier.loadDefault();

    public final Accounts accounts;
    public final SiteStore sites;
    public final StoryStore storyStore;
    public final Stories stories;
    public final CommentStore comments;
    public final CommentEvents events = new CommentEvents();
    public final CommentRules rules = CommentRules.defaults();
    public final ModerationStore moderation;
    public final EditWindows editWindows;
    public final Submissions submissions;
    private final Clock clock;
    private int readers;
    private int articles;

    public Fixtures(Database database, Clock clock) {
        this.clock = clock;
        accounts = new Accounts(new AccountStore(database.jdbi()), clock);
        sites = new SiteStore(database.jdbi());
        storyStore = new StoryStore(database.jdbi());
        stories = new Stories(sites, storyStore, clock);
        comments = new CommentStore(database.jdbi(), events);
        moderation = new ModerationStore(database.jdbi());
        editWindows = new EditWindows(sites, rules);
        submissions = new Submissions(comments, sites, CLASSIFIER, Pipelines.standard(moderation,
                new org.parley.story.StoryClosing(storyStore, clock), rules, CLASSIFIER), editWindows, clock);
        sites.save(new Site(SITE, "The Daily Example", List.of(ORIGIN), Site.DEFAULT_GUIDELINES), clock.instant());
    }

    public Fixtures(Database database) {
        this(database, Clock.systemUTC());
    }

    public Account reader() {
        readers++;
        return accounts.create("reader" + readers + "@news.example", "correct horse battery", "Reader " + readers,
                Role.READER);
    }

    public Story story() {
        articles++;
        return stories.findOrCreate(SITE, ORIGIN + "/2026/article-" + articles, "Article " + articles);
    }

    /** A published top-level comment with a civil text, posted through the pipeline as a reader posts one. */
    public Comment comment(Account author, Story story) {
        return submissions.post(author, story, null, "The treaty draft reads well.", false).comment();
    }
}
