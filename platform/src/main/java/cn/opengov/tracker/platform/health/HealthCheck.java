package cn.opengov.tracker.platform.health;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The containers' health check, in Java because the images hold nothing else (no shell, no curl):
 * {@code java -cp @/app/jib-classpath-file cn.opengov.tracker.platform.health.HealthCheck URL} exits 0 when URL
 * answers 200 within two seconds, 1 otherwise. docker-compose.yml runs it against each side's readiness.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health/readiness";
        System.exit(healthy(url) ? 0 : 1);
    }

    static boolean healthy(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (Exception down) {
            System.err.println(url + ": " + down);
            return false;
        }
    }
}
