package cn.opengov.tracker.query.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The replica's own small pool, and whether it answers. A replica that cannot give a working connection within
 * {@code connection-timeout} is marked down: reads go to the primary at once, without waiting for it, while a
 * background probe tries it every {@code retry-after} and brings it back when it answers. Each change is logged
 * once. Nothing here is a bean of type DataSource, so the health checks (and readiness) never depend on the replica.
 */
final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    /** isValid's limit, in seconds: a replica that accepts connections but does not answer counts as down too. */
    private static final int ANSWER_WITHIN_SECONDS = 1;

    private final HikariDataSource pool;
    private final Duration retryAfter;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-replica-probe");
        t.setDaemon(true);
        return t;
    });

    ReadReplica(HikariConfig primary, ReadReplicaProperties properties, MetricsTrackerFactory metrics) {
        HikariConfig config = new HikariConfig();
        // the primary's settings (driver properties, connection-init-sql's lock_timeout, credentials) …
        primary.copyStateTo(config);
        // … on another server, in a pool of its own that never holds a request up
        config.setPoolName("read-replica");
        config.setJdbcUrl(properties.url());
        if (properties.username() != null && !properties.username().isBlank()) {
            config.setUsername(properties.username());
        }
        if (properties.password() != null) {
            config.setPassword(properties.password());
        }
        config.setReadOnly(true);
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setMinimumIdle(Math.min(2, properties.maximumPoolSize()));
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // a replica that is down when the query side starts must not stop it from starting
        config.setInitializationFailTimeout(-1);
        if (metrics != null) {
            // hikaricp.* with pool=read-replica, beside the primary's
            config.setMetricsTrackerFactory(metrics);
        }
        this.pool = new HikariDataSource(config);
        this.retryAfter = retryAfter(properties);
    }

    private static Duration retryAfter(ReadReplicaProperties properties) {
        return properties.retryAfter().isNegative() || properties.retryAfter().isZero() ? Duration.ofSeconds(1) : properties.retryAfter();
    }

    boolean isDown() {
        return down.get();
    }

    /**
     * A replica connection that answers, or null: the replica is down (then marked so). Checked before it is handed
     * out — one round trip — because a replica that was stopped leaves connections in the pool that only fail when
     * used, and a read that fails there would be an error for the user rather than a read from the primary.
     */
    Connection answeringConnection() {
        if (down.get()) {
            return null;
        }
        Connection connection = null;
        try {
            connection = pool.getConnection();
            if (connection.isValid(ANSWER_WITHIN_SECONDS)) {
                return connection;
            }
            pool.evictConnection(connection);
            markDown("no answer");
        } catch (SQLException e) {
            if (connection != null) {
                pool.evictConnection(connection);
            }
            markDown(e.getClass().getSimpleName() + ", SQLState " + e.getSQLState());
        }
        return null;
    }

    /** Reads go to the primary until the probe finds the replica answering again. */
    void markDown(String reason) {
        if (down.compareAndSet(false, true)) {
            // the reason is an exception's class and SQLState: never a row's data
            log.warn("Read replica unavailable ({}): reads go to the primary until it answers again", reason);
            prober.schedule(this::probe, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        try (Connection connection = pool.getConnection()) {
            if (connection.isValid(ANSWER_WITHIN_SECONDS)) {
                down.set(false);
                log.info("Read replica answers again: reads go back to it");
                return;
            }
        } catch (SQLException | RuntimeException stillDown) {
            // tried again below
        }
        if (!prober.isShutdown()) {
            prober.schedule(this::probe, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        pool.close();
    }
}
