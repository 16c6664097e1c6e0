package cn.opengov.tracker.command.bench;

import cn.opengov.tracker.command.messaging.CommandMessagingConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The benchmark's yardstick for intake (issue 18): what one POST costs on this stack without the framework's
 * work behind it. It writes one row shaped like an event of {@code domain_event_entry} (ids, the body serialized
 * by the events' serializer into {@code bytea}, metadata with who recorded it, a timestamp) in a transaction of
 * its own, through the same connection pool as the commands. Only there when {@code tracker.bench.bare-endpoint=true}
 * (bench/run.sh sets it; no deployment does). Its table is not the product's: the bench creates it in its own
 * database, and without it every call is refused with 503 saying so.
 */
@Service
@ConditionalOnProperty(name = BareIntake.PROPERTY, havingValue = "true")
public class BareIntake {

    public static final String PROPERTY = "tracker.bench.bare-endpoint";
    public static final String TABLE = "bench_bare_event";
    private static final String UNDEFINED_TABLE = "42P01";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;

    public BareIntake(JdbcTemplate jdbc, PlatformTransactionManager transactions, Serializer serializer) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
    }

    /** Writes one event-sized row for the body in its own transaction: its id and global position. */
    public Posted post(Object body, String recordedBy) {
        String id = UUID.randomUUID().toString();
        byte[] payload = serializer.serialize(body, byte[].class).getData();
        byte[] metaData = serializer.serialize(MetaData.with(CommandMessagingConfiguration.RECORDED_BY, recordedBy),
                byte[].class).getData();
        try {
            Long position = transaction.execute(status -> jdbc.queryForObject("INSERT INTO " + TABLE
                            + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)"
                            + " VALUES (?, ?, 0, 'BareRequest', ?, ?, ?, ?) RETURNING global_index", Long.class,
                    UUID.randomUUID().toString(), id, Instant.now().toString(), body.getClass().getName(), payload, metaData));
            return new Posted(id, position == null ? 0 : position);
        } catch (DataAccessException e) {
            if (tableMissing(e)) {
                throw new TableMissing();
            }
            throw e;
        }
    }

    private static boolean tableMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** What a bare post answers. */
    public record Posted(String id, long position) {
    }

    /** The bench has not created its table in this database. */
    public static final class TableMissing extends RuntimeException {
        public TableMissing() {
            super("压测表 " + TABLE + " 不存在：它只由压测程序（bench）在压测数据库中建立，此端点仅供压测使用");
        }
    }
}
