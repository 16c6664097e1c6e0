package cn.opengov.tracker.system;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core run inside the page under test: the copy Maven installed from the npm registry at build time
 * (target/axe, property {@code axe.script}), injected by the test over WebDriver — never fetched from a CDN, and
 * not subject to the pages' Content-Security-Policy. WCAG 2.0/2.1 A and AA rules.
 */
final class Accessibility {

    private static String script;

    private Accessibility() {
    }

    /** The serious and critical violations on the page now, one line each (rule, what it asks, the first nodes). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        return (List<String>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(function (r) {
                    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) {
                        return v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(function (n) {
                          return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                        }).join(' | ');
                      }));
                  })
                  .catch(function (e) { done(['axe failed: ' + e]); });
                """);
    }

    private static synchronized String script() {
        if (script == null) {
            Path file = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: mvn verify installs axe-core from the npm registry "
                        + "(exec-maven-plugin in system-tests/pom.xml, phase pre-integration-test)");
            }
            try {
                script = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
