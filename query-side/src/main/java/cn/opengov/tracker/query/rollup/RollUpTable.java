package cn.opengov.tracker.query.rollup;

import cn.opengov.tracker.query.projection.Tally;

/**
 * A tally summed per ancestor (query V100): {@code rollUp}'s row of an agency is the sum of its descendants' rows
 * of {@code tally}, key for key. The key's columns after the agency are {@code keyColumns}, in the order the
 * tally's {@link Tally#columns()} gives them (the agency first).
 */
public enum RollUpTable {
    MATRIX("matrix_tally", "matrix_rollup", "applicant_type, received_year, answered_year, outcome"),
    CARRY("carry_tally", "carry_rollup", "from_year, applicant_type"),
    CASES("case_tally", "case_rollup", "kind, filed_year, decided_year, result"),
    FEES("fee_tally", "fee_rollup", "year, kind, amount_fen"),
    /** The deadline board's running lines per due date (query V110), kept by {@code DeadlineBoardWriter}. */
    BOARD("board_tally", "board_rollup", "answer_due_on");

    private final String tally;
    private final String rollUp;
    private final String keyColumns;

    RollUpTable(String tally, String rollUp, String keyColumns) {
        this.tally = tally;
        this.rollUp = rollUp;
        this.keyColumns = keyColumns;
    }

    public String tally() {
        return tally;
    }

    public String rollUp() {
        return rollUp;
    }

    /** A tally of this table, rolled up as it is written. */
    public <K extends Comparable<K>> RolledUp<K> of(Tally<K> tally) {
        return new RolledUp<>(tally, this);
    }

    /**
     * {@code columns} of the rows of {@code root}'s whole tree where {@code condition} holds: its rows of the roll-up
     * (its descendants) and its own rows of the tally. The parameters: {@link #subtreeArgs}.
     */
    public String subtree(String columns, String condition) {
        return "SELECT " + columns + " FROM " + rollUp + " WHERE ancestor_code = ? AND " + condition
                + " UNION ALL SELECT " + columns + " FROM " + tally + " WHERE agency_code = ? AND " + condition;
    }

    /** The parameters of {@link #subtree}: the root and the condition's, once for each side. */
    public static Object[] subtreeArgs(String root, Object... conditionArgs) {
        Object[] args = new Object[2 * (1 + conditionArgs.length)];
        for (int side = 0; side < 2; side++) {
            int at = side * (1 + conditionArgs.length);
            args[at] = root;
            System.arraycopy(conditionArgs, 0, args, at + 1, conditionArgs.length);
        }
        return args;
    }

    /** Adds to an ancestor's row: the ancestor and the key's other columns, the segment, the count to add. */
    String upsert() {
        int params = keyColumns.split(",").length + 3;
        return "INSERT INTO " + rollUp + " (ancestor_code, " + keyColumns + ", segment, n) VALUES ("
                + "?, ".repeat(params - 1) + "?) ON CONFLICT (ancestor_code, " + keyColumns + ", segment) "
                + "DO UPDATE SET n = " + rollUp + ".n + EXCLUDED.n";
    }

    /** Removes a tally row that came to 0: the agency and the key's other columns, the segment. */
    String pruneTally() {
        return "DELETE FROM " + tally + " WHERE agency_code = ? AND " + keyIs() + " AND segment = ? AND n = 0";
    }

    /** Removes a roll-up row that came to 0: the ancestor and the key's other columns, the segment. */
    String pruneRollUp() {
        return "DELETE FROM " + rollUp + " WHERE ancestor_code = ? AND " + keyIs() + " AND segment = ? AND n = 0";
    }

    private String keyIs() {
        return String.join(" AND ", java.util.Arrays.stream(keyColumns.split(",")).map(c -> c.trim() + " = ?").toList());
    }

    /** Sums the tally into the roll-up, for the tree as the table {@code agency} has it now. */
    String reroll() {
        String keys = prefixed("t.", keyColumns);
        return "INSERT INTO " + rollUp + " (ancestor_code, " + keyColumns + ", segment, n) "
                + "SELECT up.ancestor_code, " + keys + ", 0, sum(t.n) FROM " + tally + " t "
                + "JOIN (" + ANCESTRY + ") up ON up.agency_code = t.agency_code "
                + "GROUP BY up.ancestor_code, " + keys + " HAVING sum(t.n) <> 0";
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",")).map(c -> prefix + c.trim()).toList());
    }

    /**
     * Every agency with each of its proper ancestors: the agencies whose path the agency's path starts with, as
     * {@code AgencyTree.codesOf} has a subtree (and {@link RollUps#ancestors} restates).
     */
    static final String ANCESTRY = "SELECT a.code AS agency_code, anc.code AS ancestor_code FROM agency a "
            + "CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM a.path), '/')) AS p(code) "
            + "JOIN agency anc ON anc.code = p.code AND anc.code <> a.code AND starts_with(a.path, anc.path)";

    /** A tally and the table it is rolled up into. */
    public record RolledUp<K extends Comparable<K>>(Tally<K> tally, RollUpTable table) {
    }
}
