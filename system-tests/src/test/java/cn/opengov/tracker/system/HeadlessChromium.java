package cn.opengov.tracker.system;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;

/**
 * Debian's Chromium, headless at 1366×768 in Chinese, as every browser test drives it: nothing reaches the internet
 * (no updates, sync or QUIC), the pages are those a clerk sees on an office screen.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** The options every browser test starts from; a test adds its own (downloads, say) before {@link #start}. */
    static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768", "--lang=zh-CN");
        return options;
    }

    static WebDriver start(ChromeOptions options) {
        String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
        return new ChromeDriver(service, options);
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
