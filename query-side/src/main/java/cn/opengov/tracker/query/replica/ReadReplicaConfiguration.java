package cn.opengov.tracker.query.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Reads from a PostgreSQL streaming replica (README, "Read replicas"): with {@code tracker.read-replica.url} set the
 * read models' queries for HTTP reads go to it; without it nothing changes — one pool, the primary.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadReplicaProperties.class)
public class ReadReplicaConfiguration {

    @Bean(destroyMethod = "close")
    public ReplicaReads replicaReads(JdbcTemplate jdbc, DataSource dataSource, ReadReplicaProperties properties,
                                     ObjectProvider<MeterRegistry> meters) throws SQLException {
        if (!properties.configured()) {
            return ReplicaReads.primaryOnly(jdbc);
        }
        HikariConfig primary = dataSource.unwrap(HikariConfig.class);
        MeterRegistry registry = meters.getIfAvailable();
        return ReplicaReads.preferring(new ReadReplica(primary, properties,
                registry == null ? null : new MicrometerMetricsTrackerFactory(registry)), jdbc);
    }

    /** Only with a replica: without one no request is marked, and no metric appears. */
    @Bean
    @Conditional(ReplicaConfigured.class)
    public FilterRegistrationBean<ReadRoutingFilter> readRoutingFilter(MeterRegistry meters) {
        FilterRegistrationBean<ReadRoutingFilter> registration = new FilterRegistrationBean<>(new ReadRoutingFilter(meters));
        // after security and sessions (which read and write the primary): only the application's own reads are routed
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** {@code tracker.read-replica.url} names a replica ({@link ReadReplicaProperties#isSet}). */
    static final class ReplicaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ReadReplicaProperties.isSet(context.getEnvironment().getProperty("tracker.read-replica.url"));
        }
    }
}
