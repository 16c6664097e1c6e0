package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys of a clerk and a supervisor in a real browser (Debian's headless Chromium at 1366×768),
 * through the single address as another machine reaches it (127.0.0.2, not localhost): log in, log a request,
 * send a 补正 notice, answer after the login expired (back through the login form, the input kept), see the board
 * change, open the annual table and download the .xlsx. Screenshots of every page go to
 * system-tests/target/screenshots.
 */
class BrowserJourneyIT {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Path DOWNLOADS = Path.of("target/downloads").toAbsolutePath();

    private static WebDriver browser;
    private static WebDriverWait wait;
    private final SystemUnderTest system = SystemUnderTest.get();

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
        String chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClerkLogsARequestAsksForACorrectionAnswersItAndTheSupervisorDownloadsTheTable() throws Exception {
        String agency = "WEB" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String user = "sup" + agency.toLowerCase();
        ApiClient admin = system.admin();
        assertThat(admin.post("/api/agencies", Map.of("code", agency, "name", "浏览器测试局")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", user, "password", "journey-2026", "role", "SUPERVISOR",
                "agencyCode", agency)).status()).isEqualTo(201);

        browser.get(system.pagesUrl + "/board");
        wait.until(ExpectedConditions.urlContains("/login"));
        shot("01-login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("journey-2026");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/board"));

        browser.findElement(By.id("nav-new")).click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-request")));
        setValue(form.findElement(By.name("receivedOn")), "2026-06-10");
        form.findElement(By.name("applicant.name")).sendKeys("王小明");
        form.findElement(By.name("applicant.idNumber")).sendKeys("110105194912310021");
        form.findElement(By.name("description")).sendKeys("申请公开2025年度老旧小区改造项目资金明细");
        form.findElement(By.id("save-request")).click();
        WebElement idError = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector("[data-error-for='applicant.idNumber']"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(idError.getText()).contains("校验位");
        shot("02-register-with-error");
        WebElement id = form.findElement(By.name("applicant.idNumber"));
        id.clear();
        id.sendKeys("11010519491231002X");
        form.findElement(By.id("save-request")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        String trackingNo = browser.findElement(By.id("tracking-no")).getText();
        assertThat(trackingNo).startsWith(agency + "-2026-");
        assertThat(browser.findElement(By.id("answer-due")).getText()).as("端午 6-19 off").isEqualTo("2026-07-09");
        shot("03-registered");

        openStep("step-correction-notice");
        WebElement notice = browser.findElement(By.cssSelector("#step-correction-notice form"));
        setValue(notice.findElement(By.name("noticeOn")), "2026-06-11");
        setValue(notice.findElement(By.name("applicantDueOn")), "2026-06-25");
        notice.findElement(By.name("items")).sendKeys("请写明具体小区名称");
        notice.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "待补正"));
        shot("04-awaiting-correction");

        browser.findElement(By.id("nav-board")).click();
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@id='board']//tr[td/a[text()='" + trackingNo + "']]")));
        assertThat(line.getAttribute("class")).isEqualTo("AWAITING_CORRECTION");
        shot("05-board-awaiting-correction");
        line.findElement(By.tagName("a")).click();

        openStep("step-correction-received");
        WebElement received = browser.findElement(By.cssSelector("#step-correction-received form"));
        setValue(received.findElement(By.name("receivedOn")), "2026-06-12");
        received.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(received));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-answer")));
        openStep("step-answer");
        WebElement answer = browser.findElement(By.cssSelector("#step-answer form"));
        setValue(answer.findElement(By.name("answeredOn")), "2026-06-15");
        new Select(answer.findElement(By.name("outcome"))).selectByValue("PARTIALLY_DISCLOSED");
        // the login expires while the clerk fills the form: the save goes back through the login form, nothing typed is lost
        TestDatabase.execute("DELETE FROM spring_session WHERE principal_name = '" + user + "'");
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-draft-notice]"))).getText())
                .contains("登录已失效");
        shot("06-login-expired");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("journey-2026");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/requests/"));
        answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#step-answer form")));
        assertThat(answer.findElement(By.name("answeredOn")).getAttribute("value")).isEqualTo("2026-06-15");
        assertThat(new Select(answer.findElement(By.name("outcome"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("PARTIALLY_DISCLOSED");
        assertThat(answer.findElement(By.cssSelector("[data-draft-notice]")).getText()).contains("已填回");
        shot("07-answer-restored");
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "已答复"));
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("部分公开");
        shot("08-answered");

        assertThat(browser.getCurrentUrl()).startsWith(system.pagesUrl);
        browser.get(system.pagesUrl + "/board");
        assertThat(browser.findElements(By.xpath("//table[@id='board']//a[text()='" + trackingNo + "']"))).isEmpty();
        shot("09-board-after-answer");

        browser.get(system.pagesUrl + "/reports?agencyCode=" + agency + "&year=2026");
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("section-three")));
        assertThat(table.getText()).contains("部分公开").contains("本年新收政府信息公开申请数量");
        assertThat(browser.findElement(By.id("balance")).getText()).contains("平衡");
        shot("10-annual-table");
        browser.findElement(By.id("download-xlsx")).click();
        Path xlsx = waitForDownload(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(xlsx.toFile()))) {
            assertThat(workbook.getSheetAt(0).getNumMergedRegions()).isGreaterThan(10);
        }
    }

    @Test
    void aClerkIssuesAReceiptOnTheCasePageAndDownloadsThePdfExactlyAsIssued() throws Exception {
        String agency = "DOC" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String user = "clerk" + agency.toLowerCase();
        ApiClient admin = system.admin();
        assertThat(admin.post("/api/agencies", Map.of("code", agency, "name", "文书测试局")).status()).isEqualTo(201);
        assertThat(admin.put("/api/agencies/" + agency + "/letterhead", Map.of("fullName", "中宁县文书测试局", "docPrefix", "中宁文测",
                "reconsiderationBody", "中宁县人民政府", "court", "中宁县人民法院")).status()).isEqualTo(200);
        assertThat(admin.post("/api/users", Map.of("username", user, "password", "journey-2026", "role", "STAFF",
                "agencyCode", agency)).status()).isEqualTo(201);
        ApiClient clerk = system.command(user, "journey-2026");
        ApiClient.Response logged = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-10",
                "channel", "IN_PERSON", "applicant", Map.of("type", "NATURAL_PERSON", "name", "赵六"),
                "description", "申请公开2025年度农业补贴发放名单"));
        assertThat(logged.status()).isEqualTo(201);
        String requestId = logged.field("requestId");

        browser.get(system.pagesUrl + "/login");
        browser.manage().deleteAllCookies(); // whoever the other journey logged in
        browser.get(system.pagesUrl + "/login");
        try {
            issueAndDownload(user, requestId, clerk);
        } finally {
            browser.manage().deleteAllCookies(); // the other journey starts logged out
        }
    }

    private void issueAndDownload(String user, String requestId, ApiClient clerk) throws Exception {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("journey-2026");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/my")); // a clerk lands on 我的待办
        browser.get(system.pagesUrl + "/requests/" + requestId);
        WebElement offer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#issue-RECEIPT button")));
        assertThat(browser.findElements(By.id("issue-ANSWER"))).as("not answered: no 答复书 offered").isEmpty();
        offer.click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#document-list tr[data-kind='RECEIPT']")));
        assertThat(row.findElement(By.className("document-number")).getText()).isEqualTo("中宁文测受〔2026〕1号");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('documents').scrollIntoView()");
        shot("09-notice-issued");

        try (var old = Files.list(DOWNLOADS)) {
            for (Path f : old.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                Files.delete(f);
            }
        }
        row.findElement(By.className("download-pdf")).click();
        Path pdf = waitForDownload(".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(sha256).isEqualTo(row.getAttribute("data-sha256"));
        ApiClient.Response listed = clerk.on(system.queryUrl).get("/api/requests/" + requestId + "/documents");
        assertThat(listed.json().path("items").get(0).path("sha256").asText()).as("the hash the event recorded").isEqualTo(sha256);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("政府信息公开申请受理回执").contains("中宁文测受〔2026〕1号").contains("赵六：").contains("2026年6月10日");
        }
        assertThat(browser.findElement(By.id("history")).getText()).contains("出具受理回执").contains("中宁文测受〔2026〕1号");
    }

    private static void openStep(String id) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        details.findElement(By.tagName("summary")).click();
    }

    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path waitForDownload(String suffix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(DOWNLOADS)) {
                var found = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " was downloaded to " + DOWNLOADS);
    }

    private static String firstExisting(String... paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        throw new IllegalStateException("Chromium and its driver are needed for the browser tests: "
                + "apt-get install chromium chromium-driver (.ci/run does this)");
    }
}
