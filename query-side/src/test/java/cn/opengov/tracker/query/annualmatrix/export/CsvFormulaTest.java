package cn.opengov.tracker.query.annualmatrix.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV cells a spreadsheet would run as a formula get a leading ' ; plain numbers and other text stay as they are. */
class CsvFormulaTest {

    @Test
    void formulaLikeCellsAreNeutralised() {
        assertThat(CsvExport.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.cell("+86 138")).isEqualTo("'+86 138");
        assertThat(CsvExport.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvExport.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void numbersAndOrdinaryTextStay() {
        assertThat(CsvExport.cell("-3")).isEqualTo("-3");
        assertThat(CsvExport.cell("12.5")).isEqualTo("12.5");
        assertThat(CsvExport.cell("王小明")).isEqualTo("王小明");
        assertThat(CsvExport.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvExport.cell("")).isEqualTo("");
        assertThat(CsvExport.cell(null)).isEqualTo("");
    }
}
