package cn.opengov.tracker.query.replica;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code tracker.read-replica.*} (env {@code TRACKER_READ_REPLICA_URL} …): a PostgreSQL streaming replica of the
 * primary that the query side's reads may use. No url (or an empty one): every read from the primary, as with one
 * server. The username and password default to the primary's ({@code spring.datasource.*}).
 *
 * @param connectionTimeout how long a read waits for a replica connection before it goes to the primary instead
 * @param retryAfter        how long a replica that failed is left alone before it is tried again (in the background)
 */
@ConfigurationProperties("tracker.read-replica")
public record ReadReplicaProperties(String url, String username, String password,
                                    @DefaultValue("6") int maximumPoolSize,
                                    @DefaultValue("1s") Duration connectionTimeout,
                                    @DefaultValue("3s") Duration retryAfter) {

    boolean configured() {
        return isSet(url);
    }

    /** A url that names a replica: set and not blank (docker compose passes an empty variable when unset). */
    static boolean isSet(String url) {
        return url != null && !url.isBlank();
    }
}
