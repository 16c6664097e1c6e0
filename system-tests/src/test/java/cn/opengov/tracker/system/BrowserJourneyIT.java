package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.FileInputStream;
import java.io.File;
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
 * change, open the annual table and download the .xlsx. Then each role's own journey: a clerk (STAFF) with the
 * forms' help and every deadline a clerk must see, a supervisor (filters, the list's export, 年度结转, publication and
 * the published table's changes), an administrator (users, agencies and letterheads, the holiday calendar).
 * Screenshots of every page go to system-tests/target/screenshots, each taken after axe-core (installed from the
 * npm registry at build time, injected by the test) found no serious or critical accessibility violation.
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
        ChromeOptions options = HeadlessChromium.options();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        browser = HeadlessChromium.start(options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Each journey starts logged out, whatever the one before left behind. */
    @BeforeEach
    void logOut() {
        browser.get(system.pagesUrl + "/login");
        browser.manage().deleteAllCookies();
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
        clearDownloads(".xlsx");
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

    @Test
    void aClerkIsHelpedByTheFormsAndSeesEveryDeadline() throws Exception {
        String agency = "CLK" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String user = "clerk" + agency.toLowerCase();
        ApiClient admin = system.admin();
        assertThat(admin.post("/api/agencies", Map.of("code", agency, "name", "登记员测试局")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", user, "password", "journey-2026", "role", "STAFF",
                "agencyCode", agency)).status()).isEqualTo(201);
        ApiClient clerk = system.atSingleAddress(user, "journey-2026");
        // one request not yet told to correct (its 补正告知期限 matters) and one long overdue
        String fresh = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-15", "channel", "IN_PERSON",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "钱七"), "description", "申请公开本局2026年采购合同")).field("trackingNo");
        String overdue = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-04-20", "channel", "MAIL",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "孙八"), "description", "申请公开本局2025年度决算")).field("trackingNo");
        // one deferred (条例第三十五条) past the last loaded holiday notice, one with a consultation open
        ApiClient.Response deferred = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-15", "channel", "IN_PERSON",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "冯二"), "description", "申请公开本局历年会议纪要"));
        assertThat(clerk.post("/api/requests/" + deferred.field("requestId") + "/answer-deferral", Map.of("decidedOn", "2026-06-15",
                "dueOn", "2028-03-01", "reason", "申请数量明显超过合理范围")).status()).isEqualTo(200);
        ApiClient.Response consulted = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-15", "channel", "IN_PERSON",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "陈三"), "description", "申请公开某企业的环评材料"));
        assertThat(clerk.post("/api/requests/" + consulted.field("requestId") + "/consultations", Map.of("kind", "THIRD_PARTY",
                "party", "某化工有限公司", "sentOn", "2026-06-15")).status()).isEqualTo(201);
        clerk.await("/api/requests?includeSubAgencies=true", j -> j.path("total").asInt() == 4);
        clerk.await("/api/requests/" + deferred.field("requestId"), j -> "CALENDAR_NOT_LOADED".equals(j.path("state").asText()));
        clerk.await("/api/requests/" + consulted.field("requestId"), j -> j.path("consultations").size() == 1);

        loginAfresh(user, "journey-2026");
        browser.findElement(By.id("nav-new")).click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-request")));
        WebElement save = form.findElement(By.id("save-request"));
        Map<?, ?> box = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return {bottom: r.bottom, height: window.innerHeight};", save);
        assertThat(((Number) box.get("bottom")).doubleValue()).as("登记 in view at 1366×768 without scrolling")
                .isLessThanOrEqualTo(((Number) box.get("height")).doubleValue());
        assertThat(form.findElements(By.cssSelector("label .req"))).as("required fields are marked").hasSizeGreaterThanOrEqualTo(5);
        WebElement name = form.findElement(By.name("applicant.name"));
        int before = name.getRect().getY();
        ((JavascriptExecutor) browser).executeScript("var e = arguments[0].querySelector('[data-form-error]'); e.textContent = '操作未成功'; e.hidden = false;", form);
        assertThat(name.getRect().getY()).as("the error banner does not push the form down").isEqualTo(before);
        ((JavascriptExecutor) browser).executeScript("arguments[0].querySelector('[data-form-error]').hidden = true;", form);
        shot("clerk-01-register-form");
        setValue(form.findElement(By.name("receivedOn")), "2026-06-08");
        name.sendKeys("李四");
        form.findElement(By.name("description")).sendKeys("申请公开2026年城区道路维修计划");
        save.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        String trackingNo = browser.findElement(By.id("tracking-no")).getText();

        openStep("step-answer");
        WebElement answer = browser.findElement(By.cssSelector("#step-answer form"));
        WebElement outcome = answer.findElement(By.name("outcome"));
        assertThat(outcome.getAttribute("value")).as("no outcome chosen for the clerk").isEmpty();
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return arguments[0].validity.valueMissing;", outcome))
                .as("the answer is refused without an outcome").isTrue();
        assertThat(browser.findElement(By.id("state")).getText()).isNotEqualTo("已答复");

        openStep("step-correction-notice");
        WebElement notice = browser.findElement(By.cssSelector("#step-correction-notice form"));
        setValue(notice.findElement(By.name("noticeOn")), "2026-06-09");
        setValue(notice.findElement(By.name("applicantDueOn")), "2026-06-12");
        notice.findElement(By.name("items")).sendKeys("请写明具体路段");
        notice.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getText()).contains("已保存").contains("补正告知");
        assertThat(browser.findElement(By.id("correction-applicant-due")).getText()).contains("2026-06-12").contains("2026-06-13 起可按");
        shot("clerk-02-correction-sent");

        browser.findElement(By.id("nav-board")).click();
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@id='board']//tr[td/a[text()='" + trackingNo + "']]")));
        assertThat(line.findElement(By.className("correction-due")).getText()).contains("申请人补正期限 2026-06-12").contains("逾期不补正");
        assertThat(browser.findElements(By.id("col-correction-notice"))).as("the 补正告知期限 column while a request still needs it").hasSize(1);
        WebElement late = browser.findElement(By.xpath("//table[@id='board']//tr[td/a[text()='" + overdue + "']]/td[contains(@class,'days-left')]"));
        assertThat(late.getText()).matches("逾期 \\d+ 个工作日");
        assertThat(browser.findElement(By.id("calendar-missing")).getText()).as("a deadline waiting on a missing year, said plainly")
                .contains("1 件申请的答复期限须待导入").contains("年节假日安排后才能计算");
        assertThat(browser.findElement(By.xpath("//table[@id='board']//tr[td/a[text()='" + consulted.field("trackingNo")
                + "']]//small[contains(@class,'consultation-due')]")).getText()).matches("征求意见答复期限 2026-\\d\\d-\\d\\d");
        shot("clerk-03-board");
        browser.findElement(By.xpath("//a[text()='" + deferred.field("trackingNo") + "']")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-problem"))).getText())
                .contains("期限须待管理员导入该年度的节假日安排后才能计算");
        shot("clerk-03b-deadline-waits-on-calendar");
        browser.findElement(By.id("nav-requests")).click();

        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[td/a[text()='" + fresh + "']]/td[contains(@class,'answer-due')]")));
        assertThat(listed.getText()).as("答复期限 in the search results").matches("2026-\\d\\d-\\d\\d");
        shot("clerk-04-request-list");

        browser.findElement(By.xpath("//a[text()='" + trackingNo + "']")).click();
        openStep("step-answer");
        answer = browser.findElement(By.cssSelector("#step-answer form"));
        setValue(answer.findElement(By.name("answeredOn")), "2026-06-15");
        new Select(answer.findElement(By.name("outcome"))).selectByValue("OTHER_NO_CORRECTION");
        answer.findElement(By.name("note")).sendKeys("申请人逾期未补正");
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "已答复"));
        assertThat(browser.findElement(By.id("done")).getText()).contains("答复");
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("办理结果：(六) 其他处理").contains("备注：申请人逾期未补正").contains("补正期限：2026-06-12")
                .contains("需补正的事项：请写明具体路段");
        assertThat(history).as("labels, never codes").doesNotContainPattern("[A-Z]{2,}_[A-Z_]+");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('history').scrollIntoView()");
        shot("clerk-05-answered-history");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aSupervisorFiltersExportsClosesAndPublishesAYearAndSeesWhatChangedSince() throws Exception {
        String agency = "SPV" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String user = "sup" + agency.toLowerCase();
        ApiClient admin = system.admin();
        assertThat(admin.post("/api/agencies", Map.of("code", agency, "name", "督办测试局")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", user, "password", "journey-2026", "role", "SUPERVISOR",
                "agencyCode", agency)).status()).isEqualTo(201);
        ApiClient supervisor = system.atSingleAddress(user, "journey-2026");
        String answered = supervisor.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2025-03-03", "channel", "IN_PERSON",
                "applicant", Map.of("type", "COMMERCIAL_ENTERPRISE", "name", "某某科技有限公司"), "description", "=HYPERLINK(\"http://x\")")).field("requestId");
        assertThat(supervisor.post("/api/requests/" + answered + "/answer", Map.of("answeredOn", "2025-03-20", "outcome", "DISCLOSED")).status()).isEqualTo(200);
        supervisor.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2025-12-22", "channel", "MAIL",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "周九"), "description", "申请公开2025年度环评报告"));
        supervisor.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-01", "channel", "MAIL",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "吴十"), "description", "申请公开2026年度预算"));
        supervisor.await("/api/requests?status=OPEN&includeSubAgencies=true", j -> j.path("total").asInt() == 2);

        loginAfresh(user, "journey-2026");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
        shot("sup-01-board");
        browser.findElement(By.cssSelector("label.chip.OVERDUE input")).click();
        wait.until(ExpectedConditions.urlContains("state=OVERDUE"));
        assertThat(browser.findElement(By.cssSelector("label.chip.OVERDUE input")).isSelected()).isTrue();

        browser.findElement(By.id("nav-requests")).click();
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-status")))).selectByValue("OPEN");
        wait.until(ExpectedConditions.urlContains("status=OPEN"));
        String total = browser.findElement(By.cssSelector(".list-summary span")).getText();
        assertThat(total).isEqualTo("共 2 件");
        shot("sup-02-request-list-open");
        clearDownloads(".xlsx");
        browser.findElement(By.id("export-xlsx")).click();
        Path xlsx = waitForDownload(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(xlsx.toFile()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("答复期限");
            assertThat(sheet.getLastRowNum()).as("the two open requests the filter found").isEqualTo(2);
        }
        ApiClient.Response csv = supervisor.get("/api/requests/export.csv?includeSubAgencies=true");
        assertThat(csv.text()).as("a formula stays text in the CSV").contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK");

        browser.get(system.pagesUrl + "/reports?agencyCode=" + agency + "&year=2025");
        WebElement close = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#close-year button")));
        shot("sup-03-annual-table-open-year");
        close.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getText()).contains("年度结转").contains("结转 1 件");
        assertThat(browser.findElements(By.id("close-year"))).as("年度结转 is gone once the year is closed").isEmpty();
        assertThat(browser.findElement(By.id("closed-flag")).getText()).isEqualTo("已结转");
        browser.findElement(By.cssSelector("#publish-year button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-published"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("frozen-three")));
        assertThat(browser.findElement(By.id("live-differs")).getText()).isEqualTo("与当前数据一致");
        shot("sup-04-published");

        assertThat(supervisor.post("/api/requests/" + answered + "/applicant-type-correction",
                Map.of("type", "NATURAL_PERSON", "reason", "申请人实为个人")).status()).isEqualTo(200);
        supervisor.await("/api/reports/2025/published?agencyCode=" + agency + "&includeSubAgencies=true", j -> j.path("liveDiffers").asBoolean());
        browser.navigate().refresh();
        String changes = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("changes"))).getText();
        assertThat(changes).contains("一、本年新收政府信息公开申请数量 · 自然人：1 → 2").contains("一、本年新收政府信息公开申请数量 · 商业企业：1 → 0");
        shot("sup-05-published-changed");
        clearDownloads(".xlsx");
        browser.findElement(By.id("download-published")).click();
        Path frozen = waitForDownload(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(frozen.toFile()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("（已发布）");
        }

        browser.get(system.pagesUrl + "/requests/" + answered);
        String history = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history"))).getText();
        assertThat(history).contains("原申请人类型：商业企业；更正为：自然人；理由：申请人实为个人").contains("办理结果：(一) 予以公开");
        shot("sup-08-case-history");

        browser.get(system.pagesUrl + "/reports?agencyCode=" + agency + "&year=2025");
        browser.findElement(By.cssSelector("#section-three a")).click();
        wait.until(ExpectedConditions.urlContains("/reports/cells"));
        shot("sup-06-cell-drilldown");
        browser.get(system.pagesUrl + "/reports?agencyCode=" + agency + "&year=2025");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).as("no navigation on paper").isFalse();
            Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('#section-three table').getBoundingClientRect().width;");
            shot("sup-07-annual-table-print");
            assertThat(width.doubleValue()).as("the table fits the A4 page's width at print").isLessThanOrEqualTo(1366);
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAdministratorManagesAgenciesUsersAndTheHolidayCalendar() throws Exception {
        String agency = "ADM" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String newUser = "u" + agency.toLowerCase();
        loginAfresh("admin", "admin");
        browser.findElement(By.id("nav-admin")).click();
        WebElement newAgency = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-agency")));
        shot("admin-01-users-and-agencies");
        newAgency.findElement(By.name("code")).sendKeys(agency);
        newAgency.findElement(By.name("name")).sendKeys("管理测试局");
        new Select(newAgency.findElement(By.name("parentCode"))).selectByValue("ZNX");
        newAgency.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getText()).contains("新建机关");
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-" + agency)));
        details.findElement(By.tagName("summary")).click();
        WebElement letterhead = details.findElement(By.cssSelector("form.letterhead"));
        letterhead.findElement(By.name("docPrefix")).sendKeys("中宁管测");
        letterhead.findElement(By.name("reconsiderationBody")).sendKeys("中宁县人民政府");
        letterhead.findElement(By.name("court")).sendKeys("中宁县人民法院");
        shot("admin-02-letterhead");
        letterhead.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "文书版头"));
        assertThat(browser.findElement(By.cssSelector("#agency-" + agency + " summary")).getText()).contains("中宁管测");

        WebElement form = browser.findElement(By.id("new-user"));
        form.findElement(By.name("username")).sendKeys(newUser);
        form.findElement(By.name("password")).sendKeys("first-pass-2026");
        new Select(form.findElement(By.name("role"))).selectByValue("STAFF");
        new Select(form.findElement(By.name("agencyCode"))).selectByValue(agency);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user-list tr[data-user='" + newUser + "']")));
        assertThat(row.findElement(By.className("account-state")).getText()).isEqualTo("启用");
        row.findElement(By.cssSelector(".reset-password input[name=password]")).sendKeys("second-pass-2026");
        row.findElement(By.cssSelector(".reset-password button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "重置 " + newUser));
        assertThat(ApiClient.at(system.url).as(newUser, "second-pass-2026").get("/api/requests").status()).isEqualTo(200);
        row = browser.findElement(By.cssSelector("#user-list tr[data-user='" + newUser + "']"));
        row.findElement(By.cssSelector("button.disable")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#user-list tr[data-user='" + newUser + "'] .account-state"), "已停用"));
        assertThat(ApiClient.at(system.url).as(newUser, "second-pass-2026").get("/api/requests").status()).isEqualTo(401);
        shot("admin-03-user-disabled");

        // an open request due after 2026-07-01: a changed 2026 notice would move it (previewed, not loaded)
        ApiClient clerkAdmin = system.atSingleAddress("admin", "admin");
        ApiClient.Response created = clerkAdmin.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-15", "channel", "IN_PERSON",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "郑一"), "description", "申请公开2026年度绩效目标"));
        String moved = created.field("trackingNo");
        // the preview reads the deadline board: once the request is projected (as a page after a command waits)
        assertThat(clerkAdmin.get("/api/requests/" + created.field("requestId"),
                Map.of("X-Min-Position", created.header("X-Event-Position").orElseThrow())).status()).isEqualTo(200);
        browser.findElement(By.id("to-calendar")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-form")));
        String notice2026 = Files.readString(SingleAddress.projectRoot().resolve("api/src/main/resources/holidays-cn/2026.json"));
        Path changed = Files.writeString(DOWNLOADS.resolveSibling("holidays-2026-changed.json"),
                notice2026.replaceFirst("\"days\": \\[", "\"days\": [{\"name\": \"测试\", \"date\": \"2026-07-01\", \"isOffDay\": true},"));
        browser.findElement(By.id("calendar-file")).sendKeys(changed.toAbsolutePath().toString());
        WebElement moves = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-moves")));
        assertThat(moves.getText()).contains(moved).contains("答复期限");
        assertThat(browser.findElement(By.id("calendar-result")).getText()).contains("将替换已导入的安排");
        shot("admin-04-calendar-preview");

        Path next = Files.writeString(DOWNLOADS.resolveSibling("holidays-2027.json"), """
                {"year": 2027, "papers": ["测试用安排"], "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-08", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-09", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-20", "isOffDay": false}]}""");
        browser.findElement(By.id("calendar-file")).sendKeys(next.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-result"), "2027年：放假 3 天，调休上班 1 天"));
        browser.findElement(By.id("calendar-save")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        WebElement loaded = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#loaded-years tr[data-year='2027']")));
        assertThat(loaded.getText()).contains("管理员导入");
        assertThat(browser.findElement(By.id("done")).getText()).contains("已导入2027年节假日安排");
        shot("admin-05-calendar-loaded");
        browser.manage().deleteAllCookies();
    }

    private void loginAfresh(String user, String password) {
        browser.get(system.pagesUrl + "/login");
        browser.manage().deleteAllCookies();
        browser.get(system.pagesUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        // a clerk lands on 我的待办, a supervisor and an administrator on the board
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/my"), ExpectedConditions.urlContains("/board")));
    }

    private static void clearDownloads(String suffix) throws Exception {
        try (var old = Files.list(DOWNLOADS)) {
            for (Path f : old.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Files.delete(f);
            }
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

    /** A screenshot of the page as it stands, after axe-core found no serious or critical WCAG 2.1 A/AA violation on it. */
    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name + " (" + browser.getCurrentUrl() + ")").isEmpty();
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
}
