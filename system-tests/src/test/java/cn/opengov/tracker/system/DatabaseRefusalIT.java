package cn.opengov.tracker.system;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A side started against a PostgreSQL that refuses it (nothing listening; every connection slot taken) stops at
 * once with one clear message in Chinese and English, instead of pages of stack trace. The full server is a
 * private cluster of this test's own, started with three connection slots.
 */
class DatabaseRefusalIT {

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void aSideWithNoPostgresToTalkToStopsWithAClearMessage() throws Exception {
        int nothing = SystemUnderTest.anyFreePort();
        String log = runUntilItStops("command-side", "jdbc:postgresql://127.0.0.1:" + nothing + "/tracker");
        assertThat(log).contains("APPLICATION FAILED TO START").contains("无法连接 PostgreSQL").contains("Cannot connect to PostgreSQL")
                .contains("127.0.0.1:" + nothing).contains("SPRING_DATASOURCE_URL");
        assertThat(log).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void aSideThatFindsEveryConnectionTakenStopsWithAClearMessage() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start("max_connections=3", "superuser_reserved_connections=0")) {
            List<Connection> taken = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    taken.add(postgres.connect("postgres"));
                }
                String log = runUntilItStops("query-side", postgres.jdbcUrl("postgres"));
                assertThat(log).contains("APPLICATION FAILED TO START").contains("连接数已满").contains("too many clients")
                        .contains("max_connections").contains("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");
                assertThat(log).as("no stack trace").doesNotContain("\tat ");
            } finally {
                for (Connection c : taken) {
                    c.close();
                }
            }
        }
    }

    private String runUntilItStops(String side, String databaseUrl) throws Exception {
        int port = SystemUnderTest.anyFreePort();
        Process process = system.launch(databaseUrl, "postgres", "", side, port);
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(side + " stops by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(system.logFile(side, port), StandardCharsets.UTF_8);
    }
}
