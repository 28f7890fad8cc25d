package org.parley.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.moderation.ModeratorAccess;
import org.parley.story.Site;
import org.parley.story.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.TestServer;
import org.parley.web.DemoContent;

/**
 * The cast of the security suites on a running server: the demo site ("this site") and a second site, a commenter
 * and another commenter, a moderator of each site, an admin, and an API token for a reader, for the moderator of
 * this site and for the admin; plus builders of fresh things to act on (a comment, an author with a comment), so
 * that every check starts from the same state whatever ran before it.
 */
final class World {

    static final String SITE = DemoContent.SITE_ID;
    static final String OTHER_SITE = "other";
    static final String PASSWORD = "correct horse battery";

    private final TestServer server;
    private final Accounts accounts;
    private final ModeratorAccess access;
    private final AtomicInteger counter = new AtomicInteger();
    final Caller signedOut = Caller.signedOut();
    final Caller commenter;
    final Caller otherCommenter;
    final Caller moderator;
    final Caller otherModerator;
    final Caller admin;
    final Caller readerToken;
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
        new SiteStore(jdbi).save(new Site(OTHER_SITE, "The Other Paper", List.of("https://other.example"),
                Site.DEFAULT_GUIDELINES), Clock.systemUTC().instant());
        commenter = caller("commenter", Role.READER, null);
        otherCommenter = caller("another commenter", Role.READER, null);
        moderator = caller("moderator of this site", Role.READER, SITE);
        otherModerator = caller("moderator of another site", Role.READER, OTHER_SITE);
        admin = caller("admin", Role.ADMIN, null);
        readerToken = Caller.token("reader's API token", accounts.createToken(account(Role.READER, null).id(), "t"));
        moderatorToken = Caller.token("moderator's API token", accounts.createToken(account(Role.READER, SITE).id(),
                "t"));
        adminToken = Caller.token("admin's API token", accounts.createToken(account(Role.ADMIN, null).id(), "t"));
        bystander = caller("bystander", Role.READER, null);
        callers = List.of(signedOut, commenter, otherCommenter, moderator, otherModerator, admin, readerToken,
                moderatorToken, adminToken);
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
