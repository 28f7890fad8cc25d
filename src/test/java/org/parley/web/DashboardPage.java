package org.parley.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The moderation dashboard at /admin as a moderator's browser shows it: finds things by {@code data-testid} and
 * acts as a moderator would, waiting for each action's visible result. Queue items are named by the text of their
 * comment; nothing is cached, since the dashboard re-renders its views.
 */
final class DashboardPage {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration LIVE_PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    DashboardPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        this.wait.ignoring(StaleElementReferenceException.class);
        this.baseUrl = baseUrl;
    }

    /** Opens /admin/ with a view in the hash and signs in on the form it shows; waits for the view's tabs. */
    DashboardPage signIn(String hash, String email, String password) {
        driver.get(baseUrl + "/admin/" + hash);
        submitSignIn(email, password);
        wait.until(d -> element("tab-queue").isDisplayed());
        return this;
    }

    /** Opens /admin/ and signs in, expecting to be turned away; answers the note the sign-in form shows. */
    String signInTurnedAway(String email, String password) {
        driver.get(baseUrl + "/admin/");
        submitSignIn(email, password);
        return waitFor("sign-in-note").getText();
    }

    private void submitSignIn(String email, String password) {
        type("sign-in-form", "#sign-in-email", email);
        type("sign-in-form", "#sign-in-password", password);
        click("sign-in-submit");
    }

    /** Opens a queue by its tab and waits until its counts have loaded. */
    DashboardPage openQueue(String queue) {
        click("tab-queue");
        click("queue-tab-" + queue);
        wait.until(d -> driver.getCurrentUrl().contains("queue=" + queue) && count(queue).matches("\\d+"));
        return this;
    }

    /** The count shown on a queue's tab. */
    String count(String queue) {
        return element("count-" + queue).getText();
    }

    /** Waits until a queue item with the text shows, and answers it. */
    WebElement waitForItem(String text) {
        return wait.until(d -> findItem(text).orElse(null));
    }

    /**
     * Waits until the item with the text offers an action (a button with that test id); the queue may re-render
     * the item meanwhile (a live update), so a stale reference is looked up again.
     */
    WebElement waitForAction(String text, String action) {
        WebDriverWait patient = new WebDriverWait(driver, java.time.Duration.ofSeconds(10));
        patient.ignoring(StaleElementReferenceException.class);
        return patient.until(d -> findItem(text)
                .flatMap(item -> item.findElements(By.cssSelector("[data-testid=" + action + "]")).stream().findFirst())
                .orElse(null));
    }

    /** Waits, as long as the dashboard's 15-second polling may take, until a queue item with the text shows. */
    WebElement waitForArrival(String text) {
        WebDriverWait live = new WebDriverWait(driver, LIVE_PATIENCE);
        live.ignoring(StaleElementReferenceException.class);
        return live.until(d -> findItem(text).orElse(null));
    }

    /** Marks the page in the browser's memory, so that a test can tell later whether it was reloaded. */
    void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.parleyTestMark = true;");
    }

    boolean isMarkedPage() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.parleyTestMark;"));
    }

    /** Opens the user panel from the author's name on a queue item. */
    void openUser(String text) {
        clickInItem(text, "open-user");
        waitFor("user-standing");
    }

    /** Warns the reader whose panel is open and waits until the panel shows the warning. */
    String warn(String message) {
        typeInto("warn-message", message);
        click("warn-submit");
        return wait.until(d -> Optional.of(element("user-standing").getText())
                .filter(s -> s.contains(message)).orElse(null));
    }

    /** Waits until no queue item shows the text. */
    void waitUntilGone(String text) {
        wait.until(d -> findItem(text).isEmpty());
    }

    /** Moves the keyboard selection with j until the item with the text is the current one. */
    void selectWithKeys(String text) {
        for (int moves = 0; moves < 50 && !isCurrent(text); moves++) {
            press("j");
        }
        wait.until(d -> isCurrent(text));
    }

    /** Waits for the item with the text, moves the selection there with j and presses a key on it. */
    void pressOn(String text, CharSequence key) {
        waitForItem(text);
        selectWithKeys(text);
        press(key);
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Clicks a decision button (approve, reject, feature, unfeature) on the item with the text. */
    void decide(String text, String action) {
        clickInItem(text, action);
    }

    /** Waits until the notices queue shows a notice about a comment with the text, and answers it. */
    WebElement waitForNotice(String text) {
        return wait.until(d -> findNotice(text).orElse(null));
    }

    /** Decides the notice about the comment with the text (remove or dismiss), giving the reasons. */
    void decideNotice(String text, String action, String reason) {
        wait.until(d -> findNotice(text).map(notice -> {
            WebElement field = notice.findElement(By.cssSelector("[data-testid=notice-reason]"));
            field.clear();
            field.sendKeys(reason);
            notice.findElement(By.cssSelector("[data-testid=notice-" + action + "]")).click();
            return true;
        }).orElse(null));
    }

    /** Waits until no notice about a comment with the text shows; answers the status line. */
    String waitUntilNoNotice(String text) {
        wait.until(d -> findNotice(text).isEmpty());
        return wait.until(d -> Optional.of(element("notices-status-line").getText()).filter(s -> !s.isBlank())
                .orElse(null));
    }

    private Optional<WebElement> findNotice(String text) {
        return driver.findElements(By.cssSelector("[data-testid=notice-item]")).stream()
                .filter(item -> item.findElement(By.cssSelector("[data-testid=notice-comment]")).getText()
                        .contains(text))
                .findFirst();
    }

    /** The status line under the queue tabs, once it says something. */
    String queueStatus() {
        return wait.until(d -> Optional.of(element("queue-status").getText()).filter(s -> !s.isBlank()).orElse(null));
    }

    void openTab(String view) {
        click("tab-" + view);
    }

    /** Sets a settings field (by its API name) to a value and saves; answers the status line's text. */
    String saveSetting(String name, String value) {
        wait.until(d -> find("setting-" + name).map(field -> {
            field.clear();
            field.sendKeys(value);
            return true;
        }).orElse(null));
        click("settings-save");
        return wait.until(d -> Optional.of(element("settings-status").getText())
                .filter(s -> !s.isBlank()).orElse(null));
    }

    /** Picks a value in a settings list (by the setting's API name), sets a number beside it and saves. */
    String saveChoiceAndNumber(String choice, String value, String number, String amount) {
        wait.until(d -> find("setting-" + choice).map(list -> {
            new Select(list).selectByValue(value);
            return true;
        }).orElse(null));
        return saveSetting(number, amount);
    }

    /** Picks a language in the header's picker and waits until the reloaded page shows in it. */
    void chooseLanguage(String language) {
        wait.until(d -> find("lang-picker").map(picker -> {
            new Select(picker).selectByValue(language);
            return true;
        }).orElse(null));
        wait.until(d -> language.equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState === 'complete' && document.documentElement.lang"))
                && find("lang-picker").map(picker -> picker.getAttribute("value")).filter(language::equals)
                        .isPresent());
    }

    /** Opens the search view, types the words and searches; waits until results or "no match" show. */
    void search(String words) {
        openTab("search");
        type("search-form", "#search-q", words);
        click("search-submit");
        wait.until(d -> !all("[data-testid=search-results] [data-testid=queue-item]").isEmpty()
                || find("search-empty").filter(WebElement::isDisplayed).isPresent());
    }

    /** Ticks (or unticks) the selection box of the search result or queue item with the text. */
    void toggleSelection(String text) {
        clickInItem(text, "select");
    }

    /** Waits until the search result or queue item with the text shows the status, in the dashboard's words. */
    void waitForStatus(String text, String status) {
        wait.until(d -> findItem(text).map(item -> item.findElement(By.cssSelector(".meta [class*=status-]"))
                .getText()).filter(status::equals).orElse(null));
    }

    /** Waits until the open user panel lists {@code count} comments of the reader's history; answers their texts. */
    List<String> history(int count) {
        return wait.until(d -> Optional.of(all("[data-testid=history-entry]")).filter(list -> list.size() == count)
                .map(list -> list.stream().map(WebElement::getText).toList()).orElse(null));
    }

    /** Clicks "load more" under the open user panel's history. */
    void moreHistory() {
        click("history-more");
    }

    /** Waits until an element with the test id shows, and answers it. */
    WebElement waitFor(String testId) {
        return wait.until(d -> find(testId).filter(WebElement::isDisplayed).orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Sets the browser window's size, as a phone or a laptop would have it. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** The page's width in CSS pixels beyond the window's, 0 when nothing overflows sideways. */
    long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }

    // ---- reading and acting by locator: each look-up and its use in one step, retried on a redraw (issue 15) ----

    /** Clicks the displayed element with the test id, found again should a redraw replace it meanwhile. */
    void clickOn(String testId) {
        wait.until(d -> find(testId).filter(WebElement::isDisplayed).map(found -> {
            found.click();
            return true;
        }).orElse(null));
    }

    /** The text of the displayed element with the test id once it says something, read in the same look-up. */
    String textOf(String testId) {
        return wait.until(d -> find(testId).filter(WebElement::isDisplayed).map(WebElement::getText)
                .filter(text -> !text.isBlank()).orElse(null));
    }

    /** Waits until the element with the test id says exactly {@code text}; answers it. */
    String waitForText(String testId, String text) {
        return wait.until(d -> find(testId).map(WebElement::getText).filter(text::equals).orElse(null));
    }

    /** An attribute of the displayed element with the test id, read in the same look-up. */
    String attributeOf(String testId, String name) {
        return wait.until(d -> find(testId).filter(WebElement::isDisplayed).map(found -> found.getAttribute(name))
                .orElse(null));
    }

    /** Picks an option of the select with the test id by its value. */
    void choose(String testId, String value) {
        wait.until(d -> find(testId).filter(WebElement::isDisplayed).map(field -> {
            new Select(field).selectByValue(value);
            return true;
        }).orElse(null));
    }

    /** Types into the displayed field with the test id, starting again should it be drawn again. */
    void typeInto(String testId, String text) {
        wait.until(d -> find(testId).filter(WebElement::isDisplayed).map(field -> {
            field.clear();
            field.sendKeys(text);
            return true;
        }).orElse(null));
    }

    /** An attribute of the queue item with the text, once it shows. */
    String itemAttribute(String text, String name) {
        return wait.until(d -> findItem(text).map(item -> item.getAttribute(name)).orElse(null));
    }

    /** An attribute of the queue item with the text, waiting as long as live updates may take to bring it. */
    String arrivedItemAttribute(String text, String name) {
        WebDriverWait live = new WebDriverWait(driver, LIVE_PATIENCE);
        live.ignoring(StaleElementReferenceException.class);
        return live.until(d -> findItem(text).map(item -> item.getAttribute(name)).orElse(null));
    }

    /** Whether the item with the text comes to offer the action (a displayed button with that test id). */
    boolean offersAction(String text, String action) {
        return wait.until(d -> findItem(text).flatMap(item -> item.findElements(
                By.cssSelector("[data-testid=" + action + "]")).stream().findFirst()).map(WebElement::isDisplayed)
                .filter(Boolean::booleanValue).orElse(null));
    }

    /** The text of the notice about a comment with the text, once it shows, read in the same look-up. */
    String noticeText(String text) {
        return wait.until(d -> findNotice(text).map(WebElement::getText).orElse(null));
    }

    /** An attribute of the notice about a comment with the text, once it shows. */
    String noticeAttribute(String text, String name) {
        return wait.until(d -> findNotice(text).map(notice -> notice.getAttribute(name)).orElse(null));
    }

    /** Waits until the elements the CSS selector matches are at least {@code count}; answers how many. */
    int waitForAtLeast(String css, int count) {
        return wait.until(d -> Optional.of(all(css).size()).filter(size -> size >= count).orElse(null));
    }

    // ---- the stories view (issue 13) ----

    /** Waits until the stories view lists the story at this URL, and answers the text of its comments' state. */
    String storyState(String url) {
        return wait.until(d -> findStory(url).map(row -> row.findElement(By.cssSelector("[data-testid=story-state]"))
                .getText()).orElse(null));
    }

    /**
     * Clicks a button (story-close, story-reopen) on the story's row, finding the row again should the view have
     * re-rendered it, and waits until the row's state starts with {@code state}.
     */
    void changeStory(String url, String button, String state) {
        wait.until(d -> findStory(url).map(row -> {
            row.findElement(By.cssSelector("[data-testid=" + button + "]")).click();
            return true;
        }).orElse(null));
        wait.until(d -> storyState(url).startsWith(state));
    }

    /** Switches the story's premoderation and waits until the re-rendered row shows it {@code on} or off. */
    void premoderateStory(String url, boolean on) {
        wait.until(d -> findStory(url).map(row -> {
            row.findElement(By.cssSelector("[data-testid=story-premoderated]")).click();
            return true;
        }).orElse(null));
        wait.until(d -> findStory(url).map(row -> String.valueOf(on).equals(row.getAttribute("data-premoderated"))
                && row.findElement(By.cssSelector("[data-testid=story-premoderated]")).isSelected() == on)
                .orElse(false));
    }

    private Optional<WebElement> findStory(String url) {
        return driver.findElements(By.cssSelector("[data-testid=story]")).stream()
                .filter(row -> url.equals(row.findElement(By.cssSelector("[data-testid=story-title]"))
                        .getAttribute("href")))
                .findFirst();
    }

    // ---- the appeals queue (appeals.js) ----

    /** The text of an open appeal in the appeals view, once it shows. */
    String appeal(String appealId) {
        return wait.until(d -> driver.findElements(By.cssSelector(appealItem(appealId))).stream()
                .filter(WebElement::isDisplayed).findFirst().map(WebElement::getText).orElse(null));
    }

    /** Decides an open appeal (upheld or dismissed) with reasons and waits until it leaves the queue. */
    void decideAppeal(String appealId, String outcome, String reasons) {
        wait.until(d -> driver.findElements(By.cssSelector(appealItem(appealId) + " [data-testid=appeal-reason]"))
                .stream().findFirst().map(field -> {
                    field.sendKeys(reasons);
                    return true;
                }).orElse(null));
        wait.until(d -> driver.findElements(By.cssSelector(appealItem(appealId) + " [data-testid=appeal-" + outcome
                + "]")).stream().findFirst().map(button -> {
                    button.click();
                    return true;
                }).orElse(null));
        wait.until(d -> driver.findElements(By.cssSelector(appealItem(appealId))).isEmpty());
    }

    private static String appealItem(String appealId) {
        return "[data-testid=appeal][data-appeal-id='" + appealId + "']";
    }

    private boolean isCurrent(String text) {
        return findItem(text).map(item -> item.getAttribute("class").contains("current")).orElse(false);
    }

    // ---- sign-in with OpenID providers (issue 14) ----

    /** Fills the settings' provider form and saves; answers the provider's line once the list shows it. */
    String saveOidcProvider(String provider, String clientId, String clientSecret) {
        type("oidc-form", "[data-testid=oidc-provider]", provider);
        type("oidc-form", "[data-testid=oidc-clientId]", clientId);
        type("oidc-form", "[data-testid=oidc-clientSecret]", clientSecret);
        click("oidc-save");
        return element("oidc-provider-" + provider).getText();
    }

    /** The redirect URI the settings tell the admin to register. */
    String oidcRedirectUri() {
        return element("oidc-redirect").getText();
    }

    private Optional<WebElement> findItem(String text) {
        return driver.findElements(By.cssSelector("[data-testid=queue-item]")).stream()
                .filter(item -> item.findElement(By.cssSelector("[data-testid=comment-html]")).getText()
                        .contains(text))
                .findFirst();
    }

    /** Types into a field of the form, starting again on a fresh look-up should the form be drawn again. */
    private void type(String formTestId, String css, String text) {
        wait.until(d -> find(formTestId).filter(WebElement::isDisplayed).map(form -> {
            WebElement field = form.findElement(By.cssSelector(css));
            field.clear();
            field.sendKeys(text);
            return true;
        }).orElse(null));
    }

    /**
     * Clicks the element with the test id, finding it again when a re-render replaced it between finding and
     * clicking (the wait ignores stale references and retries).
     */
    private void click(String testId) {
        wait.until(d -> find(testId).map(found -> {
            found.click();
            return true;
        }).orElse(null));
    }

    /** Clicks the button with the test id on the queue item with the text, looking both up again if stale. */
    private void clickInItem(String text, String testId) {
        wait.until(d -> findItem(text).map(item -> {
            item.findElement(By.cssSelector("[data-testid=" + testId + "]")).click();
            return true;
        }).orElse(null));
    }

    private WebElement element(String testId) {
        return wait.until(d -> find(testId).orElse(null));
    }

    private Optional<WebElement> find(String testId) {
        return driver.findElements(By.cssSelector("[data-testid=" + testId + "]")).stream().findFirst();
    }
}
