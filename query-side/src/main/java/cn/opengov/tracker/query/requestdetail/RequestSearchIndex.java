package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.query.projection.ReadModelWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The search's indexes on {@code request_view} (V90) through a bulk rebuild: dropped when the table is emptied and
 * built once from the full table at the end, all in the rebuild's transaction. A GIN index grown by millions of
 * COPYed rows, one posting at a time, would cost the rebuild several times what building it from the finished
 * table costs. Every other write keeps them up to date as PostgreSQL does; a rebuild that fails rolls the drop back.
 */
@Component
public class RequestSearchIndex implements ReadModelWriter {

    /** The indexes, as V90 names them; their definitions are read from the database, so they stay V90's. */
    static final List<String> INDEXES = List.of("request_view_search", "request_view_received");

    private final JdbcTemplate jdbc;
    private final List<String> dropped = new ArrayList<>();

    public RequestSearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Batch newBatch(int segment) {
        return Batch.NOTHING;
    }

    @Override
    public synchronized void reset() {
        dropped.clear();
        for (String name : INDEXES) {
            List<String> definition = jdbc.queryForList("SELECT pg_get_indexdef(c.oid) FROM pg_class c "
                    + "WHERE c.relname = ? AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace", String.class, name);
            if (!definition.isEmpty()) {
                jdbc.execute("DROP INDEX " + name);
                dropped.add(definition.get(0));
            }
        }
    }

    @Override
    public synchronized void rebuildFinished() {
        // sorting the bigrams in memory once is what makes the build quick; the setting ends with the transaction
        jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
        for (String definition : dropped) {
            jdbc.execute(definition);
        }
        dropped.clear();
        // every row now carries its triples too (SearchGrams; V130): the search may ask for them from this commit on
        jdbc.update("UPDATE search_grams_scheme SET triples = TRUE WHERE NOT triples");
    }
}
