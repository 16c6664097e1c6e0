package cn.opengov.tracker.query.annualmatrix.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the official form prints it: rows of cells, a cell spanning rows and columns as merged cells do.
 * A position covered by another cell's span holds null. Every export (xlsx, csv, html) renders one of these,
 * so the three cannot disagree about the layout.
 */
public final class Grid {

    private final int columns;
    private final List<Cell[]> rows = new ArrayList<>();

    public Grid(int columns) {
        this.columns = columns;
    }

    public int columns() {
        return columns;
    }

    public List<Cell[]> rows() {
        return rows;
    }

    /** Places a cell at (row, column), spanning rows and columns; rows are added as needed. */
    public Grid put(int row, int column, Object value, int rowSpan, int colSpan, boolean header) {
        while (rows.size() < row + rowSpan) {
            rows.add(new Cell[columns]);
        }
        rows.get(row)[column] = new Cell(value, rowSpan, colSpan, header, null, null);
        for (int r = row; r < row + rowSpan; r++) {
            for (int c = column; c < column + colSpan; c++) {
                if (r != row || c != column) {
                    rows.get(r)[c] = Cell.COVERED;
                }
            }
        }
        return this;
    }

    public Grid header(int row, int column, String text, int rowSpan, int colSpan) {
        return put(row, column, text, rowSpan, colSpan, true);
    }

    public Grid value(int row, int column, long n) {
        return put(row, column, n, 1, 1, false);
    }

    /** A count that is the number of requests in one cell of section 三: the page links it to the list. */
    public Grid count(int row, int column, long n, String rowCode, String columnCode) {
        put(row, column, n, 1, 1, false);
        Cell c = rows.get(row)[column];
        rows.get(row)[column] = new Cell(c.value(), 1, 1, false, rowCode, columnCode);
        return this;
    }

    public int height() {
        return rows.size();
    }

    /** One cell: text or a count, its span, whether it is a heading, and the table cell a count stands for. */
    public record Cell(Object value, int rowSpan, int colSpan, boolean header, String rowCode, String columnCode) {
        static final Cell COVERED = new Cell(null, 0, 0, false, null, null);

        public boolean isCovered() {
            return this == COVERED;
        }

        public String text() {
            return value == null ? "" : value.toString();
        }
    }
}
