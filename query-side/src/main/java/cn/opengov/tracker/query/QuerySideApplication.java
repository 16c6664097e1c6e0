package cn.opengov.tracker.query;

import cn.opengov.tracker.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side: read models built from the event store, every read, and the web pages (port 8082). */
@SpringBootApplication
@Import(PlatformConfiguration.class)
@EnableScheduling
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
