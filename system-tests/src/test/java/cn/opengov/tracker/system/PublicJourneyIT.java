package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's journey in a real browser through the single address as another machine reaches it
 * (127.0.0.2): apply online on a phone-sized screen without a login and keep the number and code, look the
 * application up (待确认), the clerk logs in (landing on 我的待办), confirms it from the 网上申请 inbox and lands on the
 * new case, the lookup shows 办理中 with the date received and the due date, the request is answered, and the lookup
 * shows the outcome. Screenshots go to system-tests/target/screenshots (public-*.png).
 */
class PublicJourneyIT {

    private static final Path SHOTS = Path.of("target/screenshots");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private final SystemUnderTest system = SystemUnderTest.get();

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        ChromeOptions options = HeadlessChromium.options();
        browser = HeadlessChromium.start(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anApplicantAppliesOnlineTheClerkConfirmsAndTheLookupFollowsTheCaseToItsAnswer() throws Exception {
        String agency = "PUB" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String clerk = "clerk" + agency.toLowerCase();
        ApiClient admin = system.admin();
        assertThat(admin.post("/api/agencies", Map.of("code", agency, "name", "网上申请测试局")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", clerk, "password", "journey-2026", "role", "STAFF",
                "agencyCode", agency)).status()).isEqualTo(201);

        // the applicant, on a phone, with no login
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(system.pagesUrl + "/public/apply");
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-application")));
        new Select(form.findElement(By.id("apply-agency"))).selectByValue(agency);
        form.findElement(By.id("apply-name")).sendKeys("孙八");
        form.findElement(By.id("apply-id")).sendKeys("110105194912310021");
        form.findElement(By.id("apply-phone")).sendKeys("13900000000");
        new Select(form.findElement(By.id("apply-delivery"))).selectByValue("ELECTRONIC_EMAIL");
        form.findElement(By.id("apply-email")).sendKeys("sun@example.cn");
        form.findElement(By.id("apply-description")).sendKeys("申请公开2025年度本局政府采购项目的合同");
        shot("public-01-apply");
        form.findElement(By.id("apply-submit")).click();
        WebElement idError = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector("[data-error-for='applicant.idNumber']"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(idError.getText()).as("checked as strictly as the staff form").contains("校验位");
        WebElement id = form.findElement(By.id("apply-id"));
        id.clear();
        id.sendKeys("11010519491231002X");
        form.findElement(By.id("apply-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-receipt")));
        String no = browser.findElement(By.id("receipt-no")).getText();
        String code = browser.findElement(By.id("receipt-code")).getText();
        assertThat(no).matches("WS20260615\\d{6}");
        assertThat(code).hasSize(10);
        shot("public-02-receipt");
        assertThat(browser.manage().getCookies()).as("no session for an applicant").isEmpty();

        assertThat(lookUp(no, code, "待确认").findElement(By.id("status-received")).getText()).isEqualTo("—");
        shot("public-03-lookup-pending");

        // the clerk: 我的待办 first, then the inbox, confirming opens the new case
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(system.pagesUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys("journey-2026");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/my"));
        assertThat(browser.findElement(By.id("my-inbox-note")).getText()).contains("1 份网上申请等待确认");
        shot("public-04-my-tasks");
        browser.findElement(By.id("nav-inbox")).click();
        WebElement application = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-application='" + no + "']")));
        assertThat(application.getText()).contains("孙八").contains("1101**********002X").contains("政府采购项目的合同")
                .contains("已等待 0 天");
        shot("public-05-inbox");
        application.findElement(By.cssSelector("form.confirm-application button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        String trackingNo = browser.findElement(By.id("tracking-no")).getText();
        assertThat(trackingNo).startsWith(agency + "-2026-");
        String requestId = browser.getCurrentUrl().replaceAll(".*/requests/([0-9a-f-]{36}).*", "$1");
        shot("public-06-case-opened");
        browser.manage().deleteAllCookies();

        // the applicant again: 办理中, received on the confirmation date, due 20 working days later
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement inProgress = lookUp(no, code, "办理中");
        assertThat(inProgress.findElement(By.id("status-received")).getText()).isEqualTo("2026-06-15");
        String due = admin.on(system.queryUrl).get("/api/calendar/working-days?from=2026-06-15&days=20").field("date");
        assertThat(inProgress.findElement(By.id("status-due")).getText()).isEqualTo(due);
        assertThat(inProgress.findElement(By.id("status-tracking")).getText()).isEqualTo(trackingNo);
        assertThat(inProgress.getText()).doesNotContain("孙八").doesNotContain("政府采购");
        shot("public-07-lookup-in-progress");

        ApiClient.Response answered = system.atSingleAddress(clerk, "journey-2026").post("/api/requests/" + requestId + "/answer",
                Map.of("answeredOn", "2026-06-15", "outcome", "DISCLOSED"));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);

        WebElement done = lookUp(no, code, "已答复");
        assertThat(done.findElement(By.id("status-answered")).getText()).isEqualTo("2026-06-15");
        assertThat(done.findElement(By.id("status-outcome")).getText()).isEqualTo("予以公开");
        shot("public-08-lookup-answered");

        // someone guessing codes: after three wrong ones the page asks a question before the next lookup
        browser.get(system.pagesUrl + "/public/lookup");
        WebElement form2 = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-lookup")));
        form2.findElement(By.id("lookup-no")).sendKeys(no);
        WebElement codeInput = form2.findElement(By.id("lookup-code"));
        for (int i = 0; i < 3; i++) {
            codeInput.clear();
            codeInput.sendKeys("WRONGCODE" + i);
            form2.findElement(By.id("lookup-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#public-lookup [data-form-error]"),
                    "查询号或查询码不正确"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.querySelector('#public-lookup [data-form-error]').textContent = ''");
        }
        codeInput.clear();
        codeInput.sendKeys(code);
        form2.findElement(By.id("lookup-submit")).click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-question")));
        assertThat(question.getText()).startsWith("验证：").contains("加");
        shot("public-09-challenge");
        String challengeId = browser.findElement(By.id("lookup-challenge-id")).getAttribute("value");
        long answer = TestDatabase.count("SELECT answer FROM public_challenge WHERE challenge_id = ?::uuid", challengeId);
        form2.findElement(By.id("lookup-answer")).sendKeys(String.valueOf(answer));
        form2.findElement(By.id("lookup-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status-state"), "已答复"));
        assertThat(browser.findElement(By.id("lookup-result")).isDisplayed()).isTrue();
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    /** Looks the application up on the lookup page until it shows the state (the read model follows in a moment). */
    private WebElement lookUp(String no, String code, String state) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            browser.get(system.pagesUrl + "/public/lookup");
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-lookup")));
            form.findElement(By.id("lookup-no")).sendKeys(no);
            form.findElement(By.id("lookup-code")).sendKeys(code.toLowerCase());
            form.findElement(By.id("lookup-submit")).click();
            WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-result")));
            if (browser.findElement(By.id("status-state")).getText().equals(state) || attempt >= 10) {
                assertThat(browser.findElement(By.id("status-state")).getText()).isEqualTo(state);
                return result;
            }
            Thread.sleep(500);
        }
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
