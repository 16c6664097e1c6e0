package cn.opengov.tracker.query.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that is down costs a read one connection timeout at most, once: the read is served by the primary,
 * the replica is marked down, and the following reads go to the primary at once.
 */
class ReplicaFailoverTest {

    private final String primaryUrl = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test");
    private HikariDataSource primary;
    private ReadReplica replica;

    @AfterEach
    void close() {
        ReadRequest read = ReadRequest.current();
        if (read != null) {
            read.end();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    /** The test database as the primary, with a small pool of its own. */
    private HikariDataSource primaryPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(primaryUrl);
        config.setUsername(System.getProperty("test.db.user", "postgres"));
        config.setPassword(System.getProperty("test.db.password", ""));
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static int portWhereNothingListens() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aReadWhoseReplicaIsDownIsServedByThePrimaryAndTheNextOnesDoNotWaitForIt() throws Exception {
        // given a primary, and a replica whose port nobody listens on
        primary = primaryPool();
        replica = new ReadReplica(primary, new ReadReplicaProperties("jdbc:postgresql://127.0.0.1:" + portWhereNothingListens() + "/tracker",
                null, null, 2, Duration.ofMillis(500), Duration.ofSeconds(30)), null);
        ReplicaFirstDataSource reads = new ReplicaFirstDataSource(replica, primary);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ReadRequest read = ReadRequest.begin(response);

        // when a read asks for a connection
        long start = System.nanoTime();
        try (Connection connection = reads.getConnection()) {
            // then it is the primary's, within the replica's connection timeout (and a little)
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(read.served()).isEqualTo(ReadRequest.Source.PRIMARY);
        assertThat(response.getHeader(ReadRequest.HEADER)).isEqualTo("primary");
        assertThat(replica.isDown()).isTrue();

        // and another request's read does not wait for the replica again
        read.end();
        ReadRequest next = ReadRequest.begin(new MockHttpServletResponse());
        long again = System.nanoTime();
        try (Connection connection = reads.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(300));
        assertThat(next.served()).isEqualTo(ReadRequest.Source.PRIMARY);
    }

    @Test
    void aReadThatAnswersIsServedByTheReplica() throws Exception {
        // given a "replica" that answers (the test database itself)
        primary = primaryPool();
        replica = new ReadReplica(primary, new ReadReplicaProperties(primaryUrl, null, null, 2, Duration.ofSeconds(1), Duration.ofSeconds(1)), null);
        ReadRequest read = ReadRequest.begin(new MockHttpServletResponse());

        try (Connection connection = new ReplicaFirstDataSource(replica, primary).getConnection()) {
            // then the read is the replica's, read-only
            assertThat(connection.isReadOnly()).isTrue();
        }
        assertThat(read.served()).isEqualTo(ReadRequest.Source.REPLICA);
        assertThat(replica.isDown()).isFalse();
    }
}
