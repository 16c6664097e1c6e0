package cn.opengov.tracker.query.projection;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.util.Collection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, sent over the connection of the current
 * transaction. A bulk rebuild writes millions of rows into emptied tables: COPY spares the server the parsing,
 * planning and conflict checks of as many INSERTs, and takes a third of their time.
 */
public final class CopyRows {

    private final StringBuilder text;
    private boolean rowStarted;

    public CopyRows(int expectedRows) {
        this.text = new StringBuilder(expectedRows * 512);
    }

    /** The next column of the current row; {@code null} is SQL NULL, anything else its {@code toString()}. */
    public CopyRows add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A column of PostgreSQL array type, from its elements (numbers: they need no quoting). */
    public CopyRows addArray(Collection<? extends Number> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (Number e : elements) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append(e);
        }
        return add(literal.append('}'));
    }

    /** A column of PostgreSQL {@code integer[]} type. */
    public CopyRows addArray(int[] elements) {
        StringBuilder literal = new StringBuilder(2 + elements.length * 11).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(elements[i]);
        }
        return add(literal.append('}'));
    }

    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    /** Sends the rows: {@code COPY table (columns) FROM STDIN}. */
    public long copyInto(JdbcTemplate jdbc, String table, String columns) {
        if (text.isEmpty()) {
            return 0;
        }
        Long copied = jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY into " + table + " failed", e);
            }
        });
        return copied == null ? 0 : copied;
    }

    /**
     * The text format's escapes for backslash, tab, line feed and carriage return; the runs between them are
     * appended whole (a rebuild escapes every column of millions of rows: char by char it was a seventh of the
     * query side's CPU in a profile of one).
     */
    private void escape(String value) {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(value, from, i).append(escaped);
                from = i + 1;
            }
        }
        text.append(value, from, value.length());
    }
}
