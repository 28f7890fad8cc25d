package org.parley.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The comment widget as one reader's browser shows it: finds things by their {@code data-testid} inside the
 * widget's shadow root and acts as a reader would, waiting for each action's visible result. Comments are named
 * by their {@code data-comment-id}; nothing is cached, since the widget re-renders parts of the thread.
 */
final class WidgetPage {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final WebDriver driver;
    private final WebDriverWait wait;

    WidgetPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        // A live update may re-render a comment between finding an element and reading it.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens a page with the widget and waits until the thread has loaded and the styles apply. */
    WidgetPage open(String url) {
        driver.get(url);
        wait.until(d -> find("[data-testid=heading]").filter(WebElement::isDisplayed)
                .filter(heading -> !heading.getText().isBlank()).isPresent());
        return this;
    }

    WidgetPage signUp(String displayName, String email, String password) {
        click("[data-testid=open-signup]");
        type("[data-testid=signup-displayName]", displayName);
        type("[data-testid=signup-email]", email);
        type("[data-testid=signup-password]", password);
        click("[data-testid=signup-submit]");
        wait.until(d -> find("[data-testid=logout]").isPresent());
        return this;
    }

    /** Posts a top-level comment and answers its id once it shows in the thread. */
    String post(String text) {
        type("[data-testid=comment-form] [data-testid=comment-input]", text);
        click("[data-testid=comment-form] [data-testid=submit-comment]");
        return waitForComment(text);
    }

    /** Writes a top-level comment the guidelines nudge about; answers the nudge's words once they show. */
    String postNudged(String text) {
        type("[data-testid=comment-form] [data-testid=comment-input]", text);
        click("[data-testid=comment-form] [data-testid=submit-comment]");
        return textAt("[data-testid=comment-form] [data-testid=nudge]");
    }

    /** Sends the nudged comment anyway and answers its id once it shows in the thread. */
    String postAnyway(String text) {
        click("[data-testid=comment-form] [data-testid=post-anyway]");
        return waitForComment(text);
    }

    /** True when the author's own comment is marked as waiting for a moderator. */
    boolean isAwaitingReview(String commentId) {
        return find(own(commentId, "pending")).isPresent();
    }

    /** Replies to a comment and answers the reply's id once it shows under its parent. */
    String reply(String parentId, String text) {
        click(own(parentId, "reply"));
        type(own(parentId, "reply-form") + " [data-testid=comment-input]", text);
        click(own(parentId, "reply-form") + " [data-testid=submit-comment]");
        wait.until(d -> repliesTo(parentId).contains(text));
        return waitForComment(text);
    }

    /** Edits one's own comment and waits until the edit is saved and the edit box gone. */
    void edit(String commentId, String newText) {
        click(own(commentId, "edit"));
        type(own(commentId, "edit-form") + " [data-testid=comment-input]", newText);
        click(own(commentId, "edit-form") + " [data-testid=submit-comment]");
        wait.until(d -> find(own(commentId, "edit-form")).isEmpty());
    }

    /** The text of a comment as shown, without its replies. */
    String text(String commentId) {
        return wait.until(d -> find(own(commentId, "comment-body")).filter(WebElement::isDisplayed)
                .map(WebElement::getText).orElse(null));
    }

    /** Deletes one's own comment, confirming as the widget asks, and waits until its text is gone. */
    void delete(String commentId) {
        click(own(commentId, "delete"));
        click(own(commentId, "delete"));
        wait.until(d -> find(own(commentId, "comment-body")).isEmpty());
    }

    /** Waits until a comment is gone from the thread, or shows as removed. */
    void waitForRemoval(String commentId) {
        wait.until(d -> find(own(commentId, "comment-body")).isEmpty());
    }

    boolean isRemoved(String commentId) {
        return find(own(commentId, "comment-removed")).isPresent();
    }

    void respect(String commentId) {
        click(own(commentId, "respect"));
        wait.until(d -> isRespected(commentId));
    }

    void report(String commentId, String reason) {
        click(own(commentId, "report"));
        choose(own(commentId, "report-reason"), reason);
        click(own(commentId, "report-submit"));
        wait.until(d -> find(own(commentId, "report-done")).isPresent());
    }

    /**
     * Reports a comment as illegal content (a notice under the DSA) with the form under it, giving a name and
     * e-mail unless signed in, and answers the confirmation the form turns into.
     */
    String reportIllegal(String commentId, String category, String explanation, String name, String email) {
        click(own(commentId, "report-illegal"));
        choose(own(commentId, "notice-category"), category);
        type(own(commentId, "notice-explanation"), explanation);
        if (name != null) {
            type(own(commentId, "notice-name"), name);
            type(own(commentId, "notice-email"), email);
        }
        click(own(commentId, "notice-good-faith"));
        click(own(commentId, "notice-submit"));
        return textAt(own(commentId, "notice-done"));
    }

    /** Waits until a comment whose body contains the text shows in the thread; answers its id. */
    String waitForComment(String text) {
        return wait.until(d -> root().findElements(By.cssSelector("[data-testid=comment]")).stream()
                .filter(comment -> bodyOf(comment).contains(text))
                .map(comment -> comment.getAttribute("data-comment-id"))
                .findFirst().orElse(null));
    }

    /** What the reader has typed so far into the open reply box under a comment. */
    String replyDraft(String commentId) {
        return attribute(own(commentId, "reply-form") + " [data-testid=comment-input]", "value");
    }

    String author(String commentId) {
        return textAt(own(commentId, "comment-author"));
    }

    /** The texts of the replies shown under a comment, at any depth. */
    List<String> repliesTo(String commentId) {
        return root().findElements(By.cssSelector(item(commentId) + " > .replies [data-testid=comment-body]"))
                .stream().map(WebElement::getText).toList();
    }

    int respectCount(String commentId) {
        return Integer.parseInt(textAt(own(commentId, "respect-count")).trim());
    }

    boolean isRespected(String commentId) {
        return "true".equals(attribute(own(commentId, "respect"), "aria-pressed"));
    }

    /** Whether the comment's respect button may be pressed (not on one's own comment, not signed out). */
    boolean mayRespect(String commentId) {
        return "enabled".equals(wait.until(d -> find(own(commentId, "respect")).filter(WebElement::isDisplayed)
                .map(button -> button.isEnabled() ? "enabled" : "disabled").orElse(null)));
    }

    /** Whether the comment's report button may be pressed (not once reported). */
    boolean mayReport(String commentId) {
        return "enabled".equals(wait.until(d -> find(own(commentId, "report")).filter(WebElement::isDisplayed)
                .map(button -> button.isEnabled() ? "enabled" : "disabled").orElse(null)));
    }

    /** Presses keys wherever the focus is, as a keyboard user would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Tab until the element with the test id has the focus, at most {@code limit} times. */
    void tabTo(String testId, int limit) {
        for (int presses = 0; presses < limit && !testId.equals(focused()); presses++) {
            press(Keys.TAB);
        }
    }

    /** The {@code data-testid} of the widget's focused element, "article" for a focused comment, or null. */
    String focused() {
        // Read in one script, in the page: the widget may re-render the focused element at any moment (a live
        // update), and a reference held across two calls would then be stale.
        Object testId = ((JavascriptExecutor) driver).executeScript(
                "const el = document.getElementById('parley-thread').shadowRoot.activeElement;"
                        + " return el && (el.getAttribute('data-testid') || el.tagName.toLowerCase());");
        return (String) testId;
    }

    /** Waits until the element with the test id has the focus. */
    void waitForFocusOn(String testId) {
        wait.until(d -> testId.equals(focused()));
    }

    /** Waits until the widget's live stream is connected, so that it sees what others post from then on. */
    WidgetPage waitUntilLive() {
        wait.until(d -> find("[data-testid=live][data-connected]").isPresent());
        return this;
    }

    /** The text of the "N new comments" button once it shows. */
    String newCommentsButton() {
        return textAt("[data-testid=new-comments]");
    }

    /** Waits until the "N new comments" button says {@code text}. */
    void waitForNewCommentsButton(String text) {
        wait.until(d -> find("[data-testid=new-comments]").filter(WebElement::isDisplayed)
                .filter(button -> button.getText().equals(text)).isPresent());
    }

    /** Clicks "N new comments" and waits until the button is gone. */
    void showNewComments() {
        click("[data-testid=new-comments]");
        wait.until(d -> find("[data-testid=new-comments]").filter(WebElement::isDisplayed).isEmpty());
    }

    /** True when a comment whose body contains the text is in the thread now. */
    boolean shows(String text) {
        return root().findElements(By.cssSelector("[data-testid=comment]")).stream()
                .anyMatch(comment -> bodyOf(comment).contains(text));
    }

    /** Waits until the screen readers' live region says {@code text}. */
    void waitForAnnouncement(String text) {
        wait.until(d -> text.equals(find("[data-testid=live]").map(live -> live.getAttribute("textContent"))
                .orElse(null)));
    }

    /** The visible text of the element with the test id, e.g. "heading" or "open-login". */
    String textOf(String testId) {
        return textAt("[data-testid=" + testId + "]");
    }

    /** The visible text of the first element the CSS selector finds in the widget, e.g. "label.sort" or "time". */
    String textAt(String selector) {
        return wait.until(d -> find(selector).filter(WebElement::isDisplayed).map(WebElement::getText).orElse(null));
    }

    /** Types into the field with the test id, replacing what it held. */
    void fill(String testId, String text) {
        type("[data-testid=" + testId + "]", text);
    }

    /** The value of the field with the test id. */
    String valueOf(String testId) {
        return attribute("[data-testid=" + testId + "]", "value");
    }

    /** Waits until the element with the test id says {@code text}. */
    void waitForText(String testId, String text) {
        waitForTextAt("[data-testid=" + testId + "]", text);
    }

    /** Waits until the first element the CSS selector finds in the widget says {@code text}. */
    void waitForTextAt(String selector, String text) {
        wait.until(d -> find(selector).map(WebElement::getText).filter(text::equals).isPresent());
    }

    /** Clicks the element with the test id and waits until the one with {@code shownTestId} shows. */
    WidgetPage open(String testId, String shownTestId) {
        click("[data-testid=" + testId + "]");
        element("[data-testid=" + shownTestId + "]");
        return this;
    }

    String guidelines() {
        return textAt("[data-testid=guidelines]");
    }

    // ---- editor's picks (issue 13) ----

    /** The editor's picks above the thread, each as its author and excerpt; empty when the section is hidden. */
    List<String> picks() {
        return find("[data-testid=picks]").filter(WebElement::isDisplayed)
                .map(section -> section.findElements(By.cssSelector("[data-testid=pick]")).stream()
                        .map(pick -> pick.findElement(By.cssSelector("[data-testid=pick-author]")).getText() + ": "
                                + pick.findElement(By.cssSelector("[data-testid=pick-excerpt]")).getText())
                        .toList())
                .orElse(List.of());
    }

    /** Waits until the editor's picks show. */
    List<String> waitForPicks() {
        return wait.until(d -> Optional.of(picks()).filter(picks -> !picks.isEmpty()).orElse(null));
    }

    /**
     * Follows the link of the pick at {@code index} and waits until the comment it names has the focus (the thread
     * may first load further pages, focusing their first comments); answers that comment's id.
     */
    String followPick(int index) {
        String target = wait.until(d -> root().findElements(By.cssSelector("[data-testid=pick-link]")).stream()
                .skip(index).findFirst().map(link -> {
                    String href = link.getAttribute("href").replaceAll(".*#c-", "");
                    link.click();
                    return href;
                }).orElse(null));
        return wait.until(d -> Optional.ofNullable((String) ((JavascriptExecutor) driver).executeScript(
                "const el = document.getElementById('parley-thread').shadowRoot.activeElement;"
                        + " const item = el && el.closest('[data-comment-id]');"
                        + " return item && item.getAttribute('data-comment-id');"))
                .filter(target::equals).orElse(null));
    }

    // ---- one's own comments awaiting or refused: the statement of reasons and the appeal (statement.js) ----

    /** Posts a comment the pipeline refuses; answers its id once it shows among the reader's own refused ones. */
    String postRefused(String text) {
        type("[data-testid=comment-form] [data-testid=comment-input]", text);
        click("[data-testid=comment-form] [data-testid=submit-comment]");
        // The post, then the list's own request and module: longer than one step on a busy machine.
        return new WebDriverWait(driver, PATIENCE.multipliedBy(3)).ignoring(StaleElementReferenceException.class)
                .until(d -> root().findElements(By.cssSelector("[data-testid=mine-comment]")).stream()
                .filter(item -> item.getText().contains(text)).findFirst()
                .map(item -> item.getAttribute("data-comment-id")).orElse(null));
    }

    /** Opens "Why?" on one's own restricted comment and answers the statement it shows. */
    String why(String commentId) {
        click(mine(commentId) + " [data-testid=why]");
        return textAt(mine(commentId) + " [data-testid=statement]");
    }

    /** Appeals the decision on one's own comment and answers the appeal's status once it shows. */
    String appeal(String commentId, String reason) {
        type(mine(commentId) + " [data-testid=appeal-reason]", reason);
        click(mine(commentId) + " [data-testid=appeal-submit]");
        return wait.until(d -> find(mine(commentId) + " [data-testid=appeal-status]").map(WebElement::getText)
                .filter(text -> !text.isBlank()).orElse(null));
    }

    // ---- the readers' community (issue 14, item 3) ----

    /** Opens the card of a comment's author from their name and mutes them; waits until the comment collapses. */
    void mute(String commentId) {
        if (find(own(commentId, "author-card")).isEmpty()) {
            click(own(commentId, "comment-author"));
        }
        click(own(commentId, "mute"));
        wait.until(d -> isCollapsed(commentId));
    }

    /** Opens the card of a comment's author from their name and answers the profile's summary line once shown. */
    String profile(String commentId) {
        click(own(commentId, "comment-author"));
        return element(own(commentId, "profile-summary")).getText();
    }

    /** The staff badge beside a comment's author, once it shows. */
    String badge(String commentId) {
        return element(own(commentId, "staff-badge")).getText();
    }

    /** True when the comment shows collapsed, its author muted by this reader. */
    boolean isCollapsed(String commentId) {
        return find(own(commentId, "comment-muted")).isPresent();
    }

    /** Opens a collapsed comment and answers its text. */
    String showMuted(String commentId) {
        click(own(commentId, "show-muted"));
        return text(commentId);
    }

    /** The count on the community button (new replies), or empty without one, once the account area shows. */
    Optional<String> repliesBadge() {
        element("[data-testid=open-community]");
        return find("[data-testid=replies-badge]").map(WebElement::getText);
    }

    /** Opens the community menu and answers the replies it lists, once they show. */
    List<String> openCommunity() {
        click("[data-testid=open-community]");
        element("[data-testid=community-menu]");
        wait.until(d -> root().findElements(By.cssSelector("[data-testid=replies-to-me]")).stream()
                .anyMatch(list -> list.getAttribute("data-empty") != null));
        return root().findElements(By.cssSelector("[data-testid=reply-to-me]")).stream().map(WebElement::getText)
                .toList();
    }

    /** In the open community menu: follows the thread and waits until the button says so. */
    void follow() {
        click("[data-testid=follow]");
        wait.until(d -> follows());
    }

    /** In the open community menu: whether the reader follows the thread. */
    boolean follows() {
        return "true".equals(element("[data-testid=follow]").getAttribute("aria-pressed"));
    }

    // ---- the proof of work and the honeypot (ChallengeBrowserTest) ----

    /** Opens the sign-up form without sending it. */
    WidgetPage openSignUp() {
        click("[data-testid=open-signup]");
        element("[data-testid=signup-email]");
        return this;
    }

    /** A form's honeypot field's tab index, aria-hidden and whether it lies inside the widget's box. */
    String honeypot(String formTestId) {
        return (String) ((JavascriptExecutor) driver).executeScript("const root = document.getElementById("
                + "'parley-thread').shadowRoot; const field = root.querySelector(arguments[0]);"
                + " const box = field.getBoundingClientRect(), host = root.host.getBoundingClientRect();"
                + " return field.getAttribute('tabindex') + ' ' + field.getAttribute('aria-hidden') + ' '"
                + " + (box.right > host.left && box.left < host.right);",
                "[data-testid=" + formTestId + "] input[name=homepage]");
    }

    /** Posts a top-level comment as a guest and answers its id once it shows in the thread. */
    String postAsGuest(String name, String email, String text) {
        type("[data-testid=comment-form] [data-testid=guest-name]", name);
        type("[data-testid=comment-form] [data-testid=guest-email]", email);
        return post(text);
    }

    private static String mine(String commentId) {
        return "[data-testid=mine-comment][data-comment-id='" + commentId + "']";
    }

    private String bodyOf(WebElement comment) {
        return comment.findElements(By.cssSelector(":scope > article [data-testid=comment-body]")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** A selector for an element of the comment itself, not of its replies. */
    private static String own(String commentId, String testId) {
        return item(commentId) + " > article [data-testid=" + testId + "]";
    }

    // ---- writing direction (issue 14: right-to-left languages) ----

    /** The {@code dir} of the widget's root element, set from its language. */
    String direction() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('parley-thread').shadowRoot.querySelector('.p').dir");
    }

    /**
     * The horizontal extent, {left, right} in CSS pixels, of the first element inside the widget that the selector
     * matches once it shows.
     */
    List<Double> horizontalExtent(String selector) {
        element(selector);
        @SuppressWarnings("unchecked")
        List<Number> extent = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const box = document.getElementById('parley-thread').shadowRoot.querySelector(arguments[0])"
                        + ".getBoundingClientRect(); return [box.left, box.right];", selector);
        return extent.stream().map(Number::doubleValue).toList();
    }

    private static String item(String commentId) {
        return "[data-comment-id='" + commentId + "']";
    }

    // ---- sign-in with OpenID providers (issue 14) ----

    /** The names on the log-in form's provider buttons. */
    List<String> providerButtons() {
        click("[data-testid=open-login]");
        element("[data-testid=login-form]");
        return root().findElements(By.cssSelector("[data-testid^=oidc-]")).stream().map(WebElement::getText).toList();
    }

    /**
     * Opens the log-in form, clicks the provider's button and waits until the browser is back on {@code article}
     * with the widget signed in (the test provider approves at once).
     */
    WidgetPage signInWith(String provider, String article) {
        click("[data-testid=open-login]");
        return throughProvider("[data-testid=oidc-" + provider + "]", article);
    }

    /** As a signed-in reader, links the provider from the account menu and waits until back on the article. */
    WidgetPage linkWith(String provider, String article) {
        click("[data-testid=open-account]");
        return throughProvider("[data-testid=link-" + provider + "]", article);
    }

    /** Logs out in the widget and waits for the log-in button. */
    WidgetPage logOut() {
        click("[data-testid=logout]");
        element("[data-testid=open-login]");
        return this;
    }

    /** Clicks the button that leaves for the provider, and waits for a new page of the article, signed in. */
    private WidgetPage throughProvider(String button, String article) {
        ((JavascriptExecutor) driver).executeScript("window.beforeTheProvider = true");
        click(button);
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.getCurrentUrl().equals(article)
                        && ((JavascriptExecutor) d).executeScript("return window.beforeTheProvider") == null
                        && find("[data-testid=logout]").isPresent());
        return this;
    }

    private SearchContext root() {
        return driver.findElement(By.id("parley-thread")).getShadowRoot();
    }

    private Optional<WebElement> find(String selector) {
        return root().findElements(By.cssSelector(selector)).stream().findFirst();
    }

    private WebElement element(String selector) {
        return wait.until(d -> find(selector).filter(WebElement::isDisplayed).orElse(null));
    }

    /** An attribute of the element, read in the same look-up that finds it. */
    private String attribute(String selector, String name) {
        return wait.until(d -> find(selector).filter(WebElement::isDisplayed).map(found -> {
            String value = found.getAttribute(name);
            return value == null ? "" : value;
        }).orElse(null));
    }

    /** Picks an option of the select by value, found again should it be drawn again meanwhile. */
    private void choose(String selector, String value) {
        wait.until(d -> find(selector).filter(WebElement::isDisplayed).map(field -> {
            new Select(field).selectByValue(value);
            return true;
        }).orElse(null));
    }

    /** Clicks the element, found again should a re-render replace it between finding and clicking. */
    private void click(String selector) {
        wait.until(d -> find(selector).filter(WebElement::isDisplayed).filter(WebElement::isEnabled).map(found -> {
            found.click();
            return true;
        }).orElse(null));
    }

    /** Types into the field, starting again on a fresh look-up should it be drawn again meanwhile. */
    private void type(String selector, String text) {
        wait.until(d -> find(selector).filter(WebElement::isDisplayed).map(field -> {
            field.clear();
            field.sendKeys(text);
            return true;
        }).orElse(null));
    }
}
