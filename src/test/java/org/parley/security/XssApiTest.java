package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 1, the API's half: every payload of {@link XssCorpus}, sent where the API takes reader text
 * (comment bodies and their previews, display names, report notes, story titles and story URLs), comes back as
 * inert HTML ({@link ActiveContent}) where the API answers HTML, and as the text that was sent (or a 400) where it
 * answers text: never turned into markup, and a story's URL always an http(s) address of the site. The browser's
 * half is {@code XssBrowserTest}.
 */
class XssApiTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static World world;
    private static List<String> payloads;

    @BeforeAll
    static void cast() {
        world = new World(SERVER);
        payloads = XssCorpus.payloads("127.0.0.1:9");
    }

    @Test
    void the_corpus_has_at_least_150_payloads_of_our_own() {
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates();
    }

    @Test
    void the_checker_finds_active_content_where_there_is_some() {
        assertThat(ActiveContent.in("<p>Fine <a href=\"https://example.org/\" rel=\"nofollow\">link</a></p>"))
                .isEmpty();
        assertThat(ActiveContent.in("<a href=\" java\tscript:alert(1)\">x</a>")).isNotEmpty();
        assertThat(ActiveContent.in("<a href=\"data:text/html,x\">x</a>")).isNotEmpty();
        assertThat(ActiveContent.in("<img src=x onerror=alert(1)>")).isNotEmpty();
        assertThat(ActiveContent.in("<p onclick=\"alert(1)\">x</p>")).isNotEmpty();
        assertThat(ActiveContent.in("<svg><script>alert(1)</script></svg>")).isNotEmpty();
        assertThat(ActiveContent.in("<p style=\"background:url(x)\">x</p>")).isNotEmpty();
    }

    @Test
    void comment_bodies_and_previews_render_to_inert_html() {
        List<String> wrong = new ArrayList<>();
        String url = world.articleUrl() + "?xss-bodies";
        int accepted = 0;
        for (String payload : payloads) {
            for (String body : List.of(payload, "Quoted: " + payload)) {
                Response posted = world.adminToken.send(world.baseUrl(), "POST", "/api/v1/comments", Map.of("site",
                        World.SITE, "url", url, "body", body, "revised", true));
                if (posted.status() == 422 && posted.text().contains("body_empty")
                        || posted.status() == 409 && posted.text().contains("repeat_post")) {
                    continue;
                }
                if (posted.status() != 201) {
                    wrong.add("not posted (" + posted + "): " + body);
                    continue;
                }
                accepted++;
                JsonNode comment = posted.json().get("comment");
                ActiveContent.in(comment.get("html").asText()).forEach(found -> wrong.add(found + " from " + body));
                if (!"published".equals(posted.json().get("status").asText())) {
                    world.adminToken.sendOk(world.baseUrl(), "POST", "/api/v1/moderation/comments/"
                            + comment.get("id").asText() + "/decision", Map.of("action", "approve"));
                }
                JsonNode preview = world.signedOut.sendOk(world.baseUrl(), "POST", "/api/v1/preview",
                        Map.of("body", body));
                ActiveContent.in(preview.get("html").asText()).forEach(found -> wrong.add(found + " in preview of "
                        + body));
            }
        }
        int inThread = 0;
        String cursor = null;
        do {
            JsonNode page = world.signedOut.sendOk(world.baseUrl(), "GET", "/api/v1/threads?site=" + World.SITE
                    + "&limit=200&url=" + ApiClient.encode(url) + (cursor == null ? "" : "&cursor=" + cursor), null);
            for (JsonNode comment : page.get("comments")) {
                inThread++;
                ActiveContent.in(comment.get("html").asText()).forEach(found -> wrong.add(found + " in thread"));
            }
            cursor = page.hasNonNull("nextCursor") ? ApiClient.encode(page.get("nextCursor").asText()) : null;
        } while (cursor != null);

        System.out.printf("XSS (API): %d payloads as comment bodies and previews, raw and quoted: %d posted (the rest"
                + " refused as empty or repeated), %d read back%n", payloads.size(), accepted, inThread);
        assertThat(wrong).isEmpty();
        assertThat(inThread).isEqualTo(accepted).isGreaterThanOrEqualTo(payloads.size());
    }

    @Test
    void display_names_report_notes_and_titles_are_kept_as_the_text_sent_or_refused() {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> kept = new HashMap<>();
        int n = 0;
        for (String payload : payloads) {
            n++;
            Response signup = world.signedOut.send(world.baseUrl(), "POST", "/api/v1/auth/signup", Map.of(
                    "email", "xss" + n + "@example.org", "password", World.PASSWORD, "displayName", payload));
            textOrRefused("display name", payload, signup, answer -> answer.get("user").get("displayName"), wrong,
                    kept);

            Response report = world.readerToken.send(world.baseUrl(), "POST", "/api/v1/comments/"
                    + world.comment(world.bystander)
                    + "/reports", Map.of("reason", "other", "note", payload));
            if (report.status() != 201 && report.status() != 400) {
                wrong.add("report note: " + report + " for " + payload);
            }

            Response thread = world.signedOut.send(world.baseUrl(), "GET", "/api/v1/threads?site=" + World.SITE
                    + "&url=" + ApiClient.encode(world.articleUrl() + "?title=" + n) + "&title="
                    + ApiClient.encode(payload), null);
            textOrRefused("story title", payload, thread, answer -> answer.get("story").get("title"), wrong, kept);

            for (String url : List.of(payload, world.articleUrl() + "?u=" + payload)) {
                Response story = world.signedOut.send(world.baseUrl(), "GET", "/api/v1/threads?site=" + World.SITE
                        + "&url=" + ApiClient.encode(url), null);
                if (story.status() == 200) {
                    String stored = story.json().get("story").get("url").asText();
                    if (!stored.startsWith(world.baseUrl().replace("127.0.0.1", "localhost") + "/")
                            && !stored.startsWith(world.baseUrl() + "/")) {
                        wrong.add("story URL " + stored + " from " + payload);
                    }
                } else if (story.status() != 400) {
                    wrong.add("story URL: " + story + " for " + payload);
                }
            }
        }

        System.out.printf("XSS (API): %d payloads as display names (%d kept), report notes, story titles (%d kept)"
                + " and story URLs%n", payloads.size(), kept.getOrDefault("display name", 0),
                kept.getOrDefault("story title", 0));
        assertThat(wrong).isEmpty();
    }

    private static void textOrRefused(String field, String payload, Response answer,
            java.util.function.Function<JsonNode, JsonNode> value, List<String> wrong, Map<String, Integer> kept) {
        if (answer.status() / 100 == 2) {
            String stored = value.apply(answer.json()).asText();
            if (!stored.equals(payload.strip()) && !payload.strip().startsWith(stored)) {
                wrong.add(field + " changed: " + payload + " became " + stored);
            }
            kept.merge(field, 1, Integer::sum);
        } else if (answer.status() != 400) {
            wrong.add(field + ": " + answer + " for " + payload);
        }
    }
}
