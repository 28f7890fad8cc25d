package org.parley.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.mail.LinkTokens;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.PublisherTokens;
import org.parley.testing.TestServer;
import org.parley.web.DemoContent;

/**
 * The cast of the security suites on a running server: the demo site ("this site") and a second site, a commenter
 * and another commenter, a moderator of each site, an admin, and API tokens: one limited to moderating the other
 * site (its account moderates both, so only the token's limit keeps it off this site), one for the moderator of
 * this site and one for the admin; plus builders of fresh things to act on (a comment, an author with a comment, a
 * webhook, a token, signed links and publisher sign-in tokens), so that every check starts from the same state
 * whatever ran before it.
 */
final class World {

    static final String SITE = DemoContent.SITE_ID;
    static final String OTHER_SITE = "other";
    static final String OTHER_SITE_NAME = "The Other Paper";
    static final String PASSWORD = "correct horse battery";
    /** The publisher's SSO secret of this site, set by the admin when the world is made. */
    static final String SSO_SECRET = "the demo paper's sign-in secret, longer than thirty-two characters";

    private final TestServer server;
    private final Accounts accounts;
    private final ModeratorAccess access;
    private final LinkTokens links;
    private final AtomicInteger counter = new AtomicInteger();
    final Caller signedOut = Caller.signedOut();
    final Caller commenter;
    final Caller otherCommenter;
    final Caller moderator;
    final Caller otherModerator;
    final Caller admin;
    /** A reader's API token (not a column: the reader columns are the commenters). */
    final Caller readerToken;
    /** A token limited to moderating the other site, of an account that moderates both sites. */
    final Caller otherSiteToken;
    final Caller moderatorToken;
    final Caller adminToken;
    /** A reader outside the columns whose comments the others respect and report. */
    final Caller bystander;
    /** Every caller, in the columns' order of {@link RouteTable}. */
    final List<Caller> callers;

    World(TestServer server) {
        this.server = server;
        var jdbi = server.server().database().jdbi();
        accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        access = new ModeratorAccess(jdbi);
        links = LinkTokens.load(jdbi, Instant.now());
        new SiteStore(jdbi).save(new Site(OTHER_SITE, OTHER_SITE_NAME, List.of("https://other.example"),
                Site.DEFAULT_GUIDELINES), Clock.systemUTC().instant());
        commenter = caller("commenter", Role.READER, null);
        otherCommenter = caller("another commenter", Role.READER, null);
        moderator = caller("moderator of this site", Role.READER, SITE);
        otherModerator = caller("moderator of another site", Role.READER, OTHER_SITE);
        admin = caller("admin", Role.ADMIN, null);
        readerToken = Caller.token("reader's API token", accounts.createToken(account(Role.READER, null).id(), "t"));
        Account ofBoth = account(Role.READER, SITE);
        access.assign(ofBoth.id(), OTHER_SITE);
        otherSiteToken = Caller.token("API token limited to moderating another site", accounts.createToken(
                ofBoth.id(), "t", Role.MODERATOR, OTHER_SITE).secret());
        moderatorToken = Caller.token("moderator's API token", accounts.createToken(account(Role.READER, SITE).id(),
                "t"));
        adminToken = Caller.token("admin's API token", accounts.createToken(account(Role.ADMIN, null).id(), "t"));
        bystander = caller("bystander", Role.READER, null);
        callers = List.of(signedOut, commenter, otherCommenter, moderator, otherModerator, admin, otherSiteToken,
                moderatorToken, adminToken);
        admin.sendOk(baseUrl(), "PATCH", "/api/v1/moderation/sites/" + SITE + "/settings",
                Map.of("ssoSecret", SSO_SECRET));
    }

    /**
     * A caller of the same kind as {@code caller} (the same column) on an account of its own, for routes that use
     * the account up (deleting it): signed out stays signed out.
     */
    Caller standIn(Caller caller) {
        if (caller == signedOut) {
            return caller;
        }
        Role role = caller == admin || caller == adminToken ? Role.ADMIN : Role.READER;
        String moderates = caller == moderator || caller == moderatorToken ? SITE
                : caller == otherModerator || caller == otherSiteToken ? OTHER_SITE : null;
        Account account = account(role, moderates);
        if (caller == otherSiteToken) {
            access.assign(account.id(), SITE);
            return Caller.token(caller.name(), accounts.createToken(account.id(), "t", Role.MODERATOR, OTHER_SITE)
                    .secret());
        }
        if (caller.bearer() != null) {
            return Caller.token(caller.name(), accounts.createToken(account.id(), "t"));
        }
        return Caller.logIn(caller.name(), baseUrl(), account.email(), PASSWORD);
    }

    /** The body of a notice of illegal content about a comment, as a signed-out reader sends it. */
    Map<String, Object> noticeOf(String commentId) {
        return Map.of("commentId", commentId, "category", "defamation", "explanation",
                "It claims a named neighbour committed a crime.", "name", "Nora Notifier",
                "email", "nora@notifier.example", "goodFaith", true);
    }

    /** A fresh open notice about a bystander's comment, sent signed out. */
    String notice() {
        return signedOut.sendOk(baseUrl(), "POST", "/api/v1/notices", noticeOf(comment(bystander)))
                .get("notice").get("id").asText();
    }

    /** A publisher's sign-in token for this site, for a new subject. */
    String ssoToken() {
        int n = counter.incrementAndGet();
        return PublisherTokens.hs256(SSO_SECRET, PublisherTokens.claims("subscriber-" + n, "Subscriber " + n));
    }

    /** A verification link's token for a fresh account's address, as the sign-up mail carries. */
    String verifyToken() {
        Account account = account(Role.READER, null);
        return links.sign("verify", Instant.now().plus(Duration.ofHours(1)), account.id(), account.email());
    }

    /** A password reset link's token for a fresh account, as the reset mail carries. */
    String resetToken() {
        Account account = account(Role.READER, null);
        String hash = accounts.findForReset(account.email()).orElseThrow().passwordHash();
        return links.sign("reset", Instant.now().plus(Duration.ofHours(1)), account.id(), links.fingerprint(hash));
    }

    /** A one-click unsubscribe token (reply notices) for a fresh account, as notice mails carry. */
    String unsubscribeToken() {
        return links.sign("unsubscribe", null, account(Role.READER, null).id(), "replies");
    }

    /** A one-click unfollow token (followers' mails) for a fresh account following this site's story. */
    String unfollowToken() {
        return links.sign("unfollow", null, account(Role.READER, null).id(), storyId());
    }

    /** A fresh inactive webhook of this site (nothing is sent to its address). */
    String webhook() {
        return adminToken.sendOk(baseUrl(), "POST", "/api/v1/moderation/sites/" + SITE + "/webhooks", Map.of(
                "url", "http://203.0.113.9/hook", "events", List.of("comment.published"), "active", false))
                .get("webhook").get("id").asText();
    }

    /** The id of a fresh API token of a fresh reader, to be revoked. */
    String tokenId() {
        return accounts.createToken(account(Role.READER, null).id(), "to revoke", null, null).token().id();
    }

    /** The id of a fresh reader, to be made a moderator. */
    String freshAccountId() {
        return account(Role.READER, null).id();
    }

    /** The id of a fresh moderator of this site, to be unassigned. */
    String freshModeratorId() {
        return account(Role.READER, SITE).id();
    }

    /** A site id nobody has taken. */
    String freshSiteId() {
        return "site-" + counter.incrementAndGet();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The demo article, the story of this site the checks act on. */
    String articleUrl() {
        return DemoContent.articleUrl(server.baseUrl());
    }

    String threadQuery() {
        return "?site=" + SITE + "&url=" + ApiClient.encode(articleUrl());
    }

    String storyId() {
        return signedOut.sendOk(baseUrl(), "GET", "/api/v1/threads" + threadQuery(), null).get("story").get("id")
                .asText();
    }

    /** A fresh published comment on this site by the author. */
    String comment(Caller author) {
        JsonNode posted = author.sendOk(baseUrl(), "POST", "/api/v1/comments", Map.of("site", SITE,
                "url", articleUrl(), "body", "A calm remark on the plans, number " + counter.incrementAndGet() + "."));
        String id = posted.get("comment").get("id").asText();
        if (!"published".equals(posted.get("status").asText())) {
            admin.sendOk(baseUrl(), "POST", "/api/v1/moderation/comments/" + id + "/decision",
                    Map.of("action", "approve"));
        }
        return id;
    }

    /** A fresh comment on this site by the author that the pipeline refuses (held or rejected): restricted. */
    String refusedComment(Caller author) {
        JsonNode posted = author.sendOk(baseUrl(), "POST", "/api/v1/comments", Map.of("site", SITE,
                "url", articleUrl(), "body", "Shut up you stupid idiot, you are a worthless piece of garbage, "
                        + counter.incrementAndGet() + " times over."));
        if ("published".equals(posted.get("status").asText())) {
            throw new IllegalStateException("the pipeline published a comment meant to be refused");
        }
        return posted.get("comment").get("id").asText();
    }

    /** An open appeal of the commenter's against the pipeline's refusal of a fresh comment. */
    String openAppeal() {
        return commenter.sendOk(baseUrl(), "POST", "/api/v1/appeals", Map.of("commentId",
                refusedComment(commenter), "reason", "Please read it again.")).get("appeal").get("id").asText();
    }

    /** A fresh reader who has written on this site, to be acted on. */
    String author() {
        Caller author = freshReader();
        comment(author);
        return author.sendOk(baseUrl(), "GET", "/api/v1/me", null).get("user").get("id").asText();
    }

    /** A new reader, signed in. */
    Caller freshReader() {
        Account account = account(Role.READER, null);
        return Caller.logIn("fresh reader", baseUrl(), account.email(), PASSWORD);
    }

    /** Another session of the same account as the caller (cookie callers only; others are returned as they are). */
    Caller freshSession(Caller caller) {
        if (caller.cookie() == null) {
            return caller;
        }
        String email = caller.sendOk(baseUrl(), "GET", "/api/v1/me", null).get("user").get("email").asText();
        return Caller.logIn(caller.name(), baseUrl(), email, PASSWORD);
    }

    /** A fresh e-mail address nobody has signed up with. */
    String freshEmail() {
        return "fresh" + counter.incrementAndGet() + "@example.org";
    }

    /** A fresh address of an account that exists, for log-ins. */
    String freshEmailSignedUp() {
        return account(Role.READER, null).email();
    }

    private Caller caller(String name, Role role, String moderates) {
        Account account = account(role, moderates);
        return Caller.logIn(name, baseUrl(), account.email(), PASSWORD);
    }

    private Account account(Role role, String moderates) {
        int n = counter.incrementAndGet();
        Account account = accounts.create("person" + n + "@example.org", PASSWORD, "Person " + n, role);
        if (moderates != null) {
            access.assign(account.id(), moderates);
        }
        return account;
    }
}
