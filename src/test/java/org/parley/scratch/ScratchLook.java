package org.parley.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

class ScratchLook {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    void shot(ChromeDriver b, String name) throws Exception {
        Thread.sleep(1500);
        Files.write(Path.of("/tmp/dash-" + name + ".png"), b.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void look() throws Exception {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create("chief@example.org", "a long admin password", "Chief", Role.ADMIN);
        ApiClient admin = SERVER.client();
        admin.post("/api/v1/auth/login", Map.of("email", "chief@example.org", "password", "a long admin password"));
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));
        ApiClient reader = SERVER.client();
        reader.signUp("rosa@example.org", "Rosa Quintero");
        for (String t : List.of("The treaty draft is **better** than the last one, but the monitoring clause is weak.",
                "See https://a.example and https://b.example and https://c.example for more.",
                "A third comment that waits.", "You are a pathetic idiot and your stupid minister is a disgrace.")) {
            System.out.println("POSTED " + reader.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(), "body", t, "revised", true)));
        }
        ChromeDriver b = Browser.open();
        try {
            b.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            b.get(SERVER.baseUrl() + "/admin/");
            Thread.sleep(1000);
            b.findElement(By.id("sign-in-email")).sendKeys("chief@example.org");
            b.findElement(By.id("sign-in-password")).sendKeys("a long admin password\n");
            Thread.sleep(2000);
            shot(b, "scored");
            b.findElement(By.cssSelector("[data-testid=queue-tab-rejected]")).click();
            shot(b, "rejected");
            shot(b, "after-latency");
        } finally {
            b.quit();
        }
    }
}
