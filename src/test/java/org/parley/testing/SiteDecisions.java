package org.parley.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.classifier.Category;
import org.parley.moderation.DecisionAction;
import org.parley.learning.DecisionExamples;
import org.parley.moderation.Decisions;
import org.parley.site.ModeratorAccess;
import org.parley.moderation.Outcome;
import org.parley.moderation.Pipelines;
import org.parley.learning.SiteClassifiers;
import org.parley.learning.SiteModelStore;
import org.parley.learning.SiteModels;
import org.parley.site.SiteSettings;
import org.parley.moderation.Submissions;
import org.parley.store.Database;
import org.parley.story.Story;

/**
 * A site whose moderators have decided on comments, built on {@link Fixtures}: comments held by premoderation,
 * approved or rejected by an admin, and a site model trained with small, fast options. Every text is written here.
 */
public final class SiteDecisions {

    /** Remarks this site's moderators let through once the pipeline held them. */
    public static final List<String> CIVIL = List.of(
            "I think the council should fund the library for another year.",
            "The bus timetable changed again and I missed my connection twice.",
            "Thanks for the clear explanation of the budget figures.",
            "My grandmother grew tomatoes on that very allotment.",
            "Could the reporter say where the traffic numbers came from?",
            "The new bridge looks fine but the cycle lane ends abruptly.",
            "We went to the market on Saturday and it was busy.",
            "I disagree with the mayor, but the plan has some merit.",
            "The photographs of the flood were striking.",
            "Good to see the school choir getting some attention.");

    /** Remarks this site's moderators reject as rude, though mild: the word "drivel" is their line. */
    public static final List<String> DRIVEL = List.of(
            "This column is drivel from start to finish.",
            "What drivel about the council budget.",
            "Pure drivel, the bus company should be ashamed.",
            "Another week, another heap of drivel on the allotments.",
            "The mayor talks drivel about the bridge.",
            "Drivel again from the reporter on traffic.",
            "I have never read such drivel about a school choir.",
            "Market day drivel, nothing more.",
            "The flood piece is drivel dressed up as news.",
            "Tomatoes and drivel, that is all this page offers.");

    public final Fixtures fixtures;
    public final Account admin;
    public final Decisions decisions;
    public final DecisionExamples examples;
    public final SiteModelStore store;
    public final SiteClassifiers classifiers;
    public final SiteModels models;
    public final Submissions submissions;
    private final Story story;
    private final List<Account> authors = new ArrayList<>();
    private int posted;

    public SiteDecisions(Database database) {
        Clock clock = new TickingClock();
        fixtures = new Fixtures(database, clock);
        admin = fixtures.accounts.create("admin@news.example", "correct horse battery", "Admin", Role.ADMIN);
        decisions = new Decisions(fixtures.comments, fixtures.storyStore, fixtures.moderation,
                new ModeratorAccess(database.jdbi()), clock);
        examples = new DecisionExamples(database.jdbi());
        store = new SiteModelStore(database.jdbi());
        classifiers = new SiteClassifiers(Fixtures.CLASSIFIER, store);
        models = new SiteModels(store, examples, classifiers, clock);
        submissions = new Submissions(fixtures.comments, fixtures.sites, classifiers,
                Pipelines.standard(fixtures.moderation,
                        new org.parley.story.StoryClosing(fixtures.storyStore, clock), fixtures.rules, classifiers),
                fixtures.editWindows, clock);
        story = fixtures.story();
    }

    /** Turns premoderation on or off for the fixtures' site. */
    public void premoderate(boolean on) {
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("premoderation", on)));
    }

    /** Posts a comment by one of three readers in turn (revised, so never nudged) and returns its outcome. */
    public Outcome post(String text) {
        if (authors.size() < 3) {
            authors.add(fixtures.reader());
        }
        posted++;
        return submissions.post(authors.get(posted % authors.size()), story, null, text, true);
    }

    public String approve(String commentId) {
        decisions.decide(admin, commentId, DecisionAction.APPROVE, null, null);
        return commentId;
    }

    public String reject(String commentId, Category category) {
        decisions.decide(admin, commentId, DecisionAction.REJECT, null, category);
        return commentId;
    }

    /**
     * Holds {@code rounds} copies of each civil and each drivel remark (numbered so they differ), then approves the
     * civil ones and rejects the drivel as rude. Returns the comment ids.
     */
    public List<String> decideMany(int rounds) {
        premoderate(true);
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String text : CIVIL) {
                ids.add(approve(post(text + " (" + round + ")").comment().id()));
            }
            for (String text : DRIVEL) {
                ids.add(reject(post(text + " (" + round + ")").comment().id(), Category.RUDE));
            }
        }
        premoderate(false);
        return ids;
    }

    public SiteModels.Request request(int minExamples) {
        return new SiteModels.Request(Fixtures.SITE, minExamples, admin.id());
    }
}
