package cn.opengov.tracker.platform.jdbc;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import java.sql.SQLException;

/**
 * A side that cannot get a connection at start says so in one clear message (Chinese and English) instead of a
 * page of stack trace: PostgreSQL refused (too many clients, wrong password, no such database) or did not answer.
 * Spring Boot prints it and the process exits, so bin/start, docker compose or systemd see the failure at once.
 */
public class DatabaseRefusalAnalyzer implements FailureAnalyzer {

    static final String TOO_MANY_CONNECTIONS = "53300";
    private static final String POOL = "spring.datasource.hikari.maximum-pool-size（环境变量 / environment "
            + "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE，默认 / default 6）";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                FailureAnalysis analysis = analyze(sql.getSQLState(), sql);
                if (analysis != null) {
                    return analysis;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static FailureAnalysis analyze(String state, SQLException refusal) {
        // the server's own words: they name no applicant, only the server, the user or the database
        String said = refusal.getMessage();
        if (state.equals(TOO_MANY_CONNECTIONS)) {
            return new FailureAnalysis(
                    "PostgreSQL 拒绝了连接：连接数已满。 / PostgreSQL refused the connection: too many clients. (" + said + ")",
                    "减小各节点的连接池 " + POOL + "，或提高 PostgreSQL 的 max_connections：所有节点的连接池之和 + 预留 ≤ max_connections"
                            + "（见 README“连接数”）。 / Make the pools smaller or max_connections larger: the pools of all nodes"
                            + " together plus a reserve must fit in max_connections (README, \"Connections\").",
                    refusal);
        }
        if (state.startsWith("08")) {
            return new FailureAnalysis(
                    "无法连接 PostgreSQL。 / Cannot connect to PostgreSQL. (" + said + ")",
                    "检查 PostgreSQL 是否在运行、SPRING_DATASOURCE_URL 中的主机和端口是否正确、防火墙是否放行。"
                            + " / Check that PostgreSQL is running and that the host and port of SPRING_DATASOURCE_URL are right.",
                    refusal);
        }
        if (state.startsWith("28")) {
            return new FailureAnalysis(
                    "PostgreSQL 拒绝了登录：用户名或密码不对。 / PostgreSQL refused the login. (" + said + ")",
                    "检查 SPRING_DATASOURCE_USERNAME 和 SPRING_DATASOURCE_PASSWORD。 / Check SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD.",
                    refusal);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis(
                    "数据库不存在。 / The database does not exist. (" + said + ")",
                    "先创建数据库（CREATE DATABASE … ENCODING 'UTF8'），或改正 SPRING_DATASOURCE_URL。 / Create it first, or"
                            + " correct SPRING_DATASOURCE_URL.",
                    refusal);
        }
        return null;
    }
}
