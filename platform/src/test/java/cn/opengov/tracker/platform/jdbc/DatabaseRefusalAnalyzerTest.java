package cn.opengov.tracker.platform.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up failures a shared PostgreSQL causes, each told in one message; anything else left to Spring Boot. */
class DatabaseRefusalAnalyzerTest {

    private final DatabaseRefusalAnalyzer analyzer = new DatabaseRefusalAnalyzer();

    private static Throwable atStart(SQLException cause) {
        return new BeanCreationException("sharedSchemaMigration", "Unable to obtain connection from database",
                new RuntimeException("flyway", cause));
    }

    @Test
    void tooManyClientsNamesThePoolAndTheFormula() {
        FailureAnalysis analysis = analyzer.analyze(atStart(new SQLException("FATAL: sorry, too many clients already", "53300")));
        assertThat(analysis.getDescription()).contains("连接数已满").contains("too many clients");
        assertThat(analysis.getAction()).contains("max_connections").contains("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");
    }

    @Test
    void aRefusedConnectionSaysToCheckTheServerAndTheAddress() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5999 refused.", "08001", new ConnectException("Connection refused"));
        FailureAnalysis analysis = analyzer.analyze(atStart(refused));
        assertThat(analysis.getDescription()).contains("无法连接 PostgreSQL").contains("127.0.0.1:5999");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void aWrongPasswordAndAMissingDatabaseAreToldToo() {
        assertThat(analyzer.analyze(atStart(new SQLException("password authentication failed", "28P01"))).getDescription())
                .contains("用户名或密码");
        assertThat(analyzer.analyze(atStart(new SQLException("database \"x\" does not exist", "3D000"))).getDescription())
                .contains("数据库不存在");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(atStart(new SQLException("syntax error", "42601")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no database involved"))).isNull();
    }
}
