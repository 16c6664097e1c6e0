package cn.opengov.tracker.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import javax.sql.DataSource;

/**
 * Every table is created by Flyway, in two sets. The shared set (event store, agencies and users, holiday
 * notices) is run by whichever side starts first; both use the same history table, so Flyway's lock makes a
 * simultaneous start safe. Each side then runs its own set ({@code db/command} or {@code db/query}) with a
 * history table of its own, so either side can be deployed and upgraded without the other's scripts.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    @Bean
    public Flyway sharedSchema(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/shared")
                .table("flyway_history_shared")
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }

    @Bean
    public FlywayMigrationInitializer sharedSchemaMigration(@Qualifier("sharedSchema") Flyway flyway) {
        return new FlywayMigrationInitializer(flyway);
    }

    @Bean
    public Flyway sideSchema(DataSource dataSource, @Value("${tracker.side}") String side) {
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/" + side)
                .table("flyway_history_" + side)
                // the schema is not empty (the shared set ran first): start this set's history at version 0
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }

    @Bean
    @DependsOn("sharedSchemaMigration")
    public FlywayMigrationInitializer sideSchemaMigration(@Qualifier("sideSchema") Flyway flyway) {
        return new FlywayMigrationInitializer(flyway);
    }
}
