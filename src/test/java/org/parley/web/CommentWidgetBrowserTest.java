package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/**
 * The widget on the demo article, as readers use it in real browsers: each reader has a browser of their own
 * (own cookies), signs up in the widget and acts through its buttons and forms.
 */
class CommentWidgetBrowserTest {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver anaBrowser = Browser.open();
    private final ChromeDriver benBrowser = Browser.open();

    @AfterEach
    void closeBrowsers() {
        anaBrowser.quit();
        benBrowser.quit();
    }

    @Test
    void a_visitor_sees_the_guidelines_and_the_demo_discussion() {
        WidgetPage visitor = new WidgetPage(anaBrowser).open(SERVER.demoArticleUrl());

        assertThat(visitor.guidelines()).contains("Be respectful of different opinions");
        String first = visitor.waitForComment("A shared monitoring station is the part that matters.");
        assertThat(visitor.author(first)).isEqualTo("Amara Okafor");
        assertThat(visitor.repliesTo(first)).anySatisfy(reply -> assertThat(reply).contains("I'm less hopeful."));
    }

    @Test
    void two_readers_post_reply_respect_and_report_and_each_sees_the_others_comments() {
        WidgetPage ana = signedUp(anaBrowser, "Ana Petrova", "ana@example.org");
        String anasComment = ana.post("Shared gauges first, quotas second: that order makes sense to me.");

        WidgetPage ben = signedUp(benBrowser, "Ben Okonjo", "ben@example.org");
        assertThat(ben.waitForComment("Shared gauges first")).isEqualTo(anasComment);
        assertThat(ben.author(anasComment)).isEqualTo("Ana Petrova");
        ben.respect(anasComment);
        String bensReply = ben.reply(anasComment, "Agreed, as long as the gauges are read by someone neutral.");
        ben.report(anasComment, "other");
        assertThat(ben.respectCount(anasComment)).isEqualTo(1);
        assertThat(ben.mayReport(anasComment)).isFalse();

        ana.open(SERVER.demoArticleUrl());
        assertThat(ana.repliesTo(anasComment)).containsExactly(
                "Agreed, as long as the gauges are read by someone neutral.");
        assertThat(ana.author(bensReply)).isEqualTo("Ben Okonjo");
        assertThat(ana.respectCount(anasComment)).isEqualTo(1);
        assertThat(ana.mayRespect(anasComment)).as("respecting one's own comment").isFalse();
        ana.respect(bensReply);

        ben.open(SERVER.demoArticleUrl());
        assertThat(ben.respectCount(bensReply)).isEqualTo(1);
        assertThat(ben.isRespected(anasComment)).isTrue();
        assertThat(ben.mayReport(anasComment)).as("a comment reported before").isFalse();
    }

    @Test
    void an_author_edits_and_deletes_a_comment_and_the_reply_to_it_stays_in_place() {
        WidgetPage ana = signedUp(anaBrowser, "Ana Petrova", "ana.edits@example.org");
        String anasComment = ana.post("The delta will pay for every dam upstream.");
        WidgetPage ben = signedUp(benBrowser, "Ben Okonjo", "ben.replies@example.org");
        ben.reply(anasComment, "Not if the drought clause shares the shortage.");

        ana.edit(anasComment, "The delta may pay for *every* dam upstream.");
        assertThat(ana.text(anasComment)).isEqualTo("The delta may pay for every dam upstream.");
        ana.delete(anasComment);

        ben.open(SERVER.demoArticleUrl());
        assertThat(ben.isRemoved(anasComment)).isTrue();
        assertThat(ben.repliesTo(anasComment)).containsExactly("Not if the drought clause shares the shortage.");
    }

    @Test
    void others_new_comments_wait_behind_a_button_while_edits_and_removals_apply_at_once() {
        WidgetPage ben = new WidgetPage(benBrowser).open(SERVER.demoArticleUrl()).waitUntilLive();
        WidgetPage ana = signedUp(anaBrowser, "Ana Petrova", "ana.live@example.org");
        String first = ana.waitForComment("A shared monitoring station is the part that matters.");

        String anasComment = ana.post("Live from the delta: the new gauges are already in the water.");
        ben.waitForNewCommentsButton("1 new comment");
        assertThat(ben.shows("Live from the delta")).as("shown before the reader asks").isFalse();
        ana.reply(first, "And the station's readings should be published every day.");
        ben.waitForNewCommentsButton("2 new comments");

        ben.showNewComments();
        ben.waitForAnnouncement("2 new comments shown.");
        assertThat(ben.waitForComment("Live from the delta")).isEqualTo(anasComment);
        assertThat(ben.repliesTo(first)).contains("And the station's readings should be published every day.");

        ana.edit(anasComment, "Live from the delta: the new gauges went into the water on Monday.");
        assertThat(ben.waitForComment("went into the water on Monday")).isEqualTo(anasComment);
        ana.delete(anasComment);
        ben.waitForRemoval(anasComment);
    }

    /** The reset request and the account menu's actions reach the server once those endpoints exist (issue 6). */
    @Test
    void the_log_in_form_offers_a_password_reset_and_a_signed_in_reader_has_an_account_menu() {
        WidgetPage ana = new WidgetPage(anaBrowser).open(SERVER.demoArticleUrl()).open("open-login", "login-form");
        ana.fill("login-email", "ana.forgets@example.org");
        ana.open("forgot-password", "forgot-form");
        assertThat(ana.valueOf("forgot-email")).as("the address typed so far").isEqualTo("ana.forgets@example.org");
        ana.waitForFocusOn("forgot-email");

        WidgetPage ben = signedUp(benBrowser, "Ben Okonjo", "ben.account@example.org")
                .open("open-account", "account-menu");
        assertThat(ben.textOf("account-menu")).contains("Notify me of replies", "Download my data");
        ben.open("delete-account", "delete-account");
        ben.waitForText("delete-account", "Really delete your account?");
        assertThat(ben.textOf("logout")).as("still signed in until confirmed").isEqualTo("Log out");
    }

    @Test
    void a_reader_signs_up_posts_and_opens_a_reply_with_the_keyboard_alone() {
        WidgetPage cleo = new WidgetPage(anaBrowser).open(SERVER.demoArticleUrl());

        cleo.tabTo("open-signup", 10);
        cleo.press(Keys.ENTER);
        cleo.waitForFocusOn("signup-displayName");
        cleo.press("Cleo Marchetti", Keys.TAB, "cleo@example.org", Keys.TAB, PASSWORD, Keys.ENTER);
        cleo.waitForFocusOn("comment-input");
        cleo.press("Typed without a mouse.", Keys.TAB, Keys.ENTER);
        String comment = cleo.waitForComment("Typed without a mouse.");
        cleo.waitForFocusOn("article");

        cleo.tabTo("reply", 3);
        cleo.press(Keys.ENTER);
        cleo.waitForFocusOn("comment-input");
        cleo.press("A second thought");
        assertThat(cleo.replyDraft(comment)).isEqualTo("A second thought");
        cleo.press(Keys.ESCAPE);
        cleo.waitForFocusOn("reply");
    }

    /** The demo article in a reader's browser, signed up with a fresh account. */
    private static WidgetPage signedUp(ChromeDriver browser, String displayName, String email) {
        return new WidgetPage(browser).open(SERVER.demoArticleUrl()).signUp(displayName, email, PASSWORD);
    }
}
