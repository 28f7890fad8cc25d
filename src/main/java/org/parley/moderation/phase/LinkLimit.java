package org.parley.moderation.phase;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;

/** Holds a comment that carries more links than the site allows (default two), the commonest mark of spam. */
public final class LinkLimit implements Phase {

    private static final Pattern LINK = Pattern.compile("https?://|\\bwww\\.", Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Verdict> check(Submission submission) {
        int links = count(submission.body());
        int limit = submission.settings().linkLimit();
        if (links > limit) {
            return Optional.of(Verdict.hold(new Reason("spam.links", "The comment has " + links
                    + " links; more than " + limit + " are checked by a moderator first.")));
        }
        return Optional.empty();
    }

    static int count(String body) {
        Matcher matcher = LINK.matcher(body);
        int links = 0;
        while (matcher.find()) {
            links++;
        }
        return links;
    }
}
