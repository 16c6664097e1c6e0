package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.query.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rebuild COPYs is what PostgreSQL stores: every character, escaped or not, in every place of a value. */
class CopyRowsTest extends QuerySideTest {

    @Test
    void valuesWithTheTextFormatsSpecialCharactersAnywhereArriveUnchanged() {
        List<String> values = new ArrayList<>(Arrays.asList(
                "", "申请公开2026年度预算", "\\", "\t", "\n", "\r", "\\N", "a\\b\tc\nd\re",
                "\\开头", "结尾\\", "\t\t连续\n\n", "C:\\path\\to", "🀄 超出基本平面\\\n", "\u0001\u007f"));
        values.add(null);
        jdbc.execute("CREATE TABLE copy_rows_test (n INTEGER PRIMARY KEY, v TEXT)");
        try {
            CopyRows rows = new CopyRows(values.size());
            for (int i = 0; i < values.size(); i++) {
                rows.add(i).add(values.get(i)).endRow();
            }
            assertThat(rows.copyInto(jdbc, "copy_rows_test", "n, v")).isEqualTo(values.size());

            List<String> stored = jdbc.query("SELECT v FROM copy_rows_test ORDER BY n", (rs, i) -> rs.getString(1));
            assertThat(stored).containsExactlyElementsOf(values);
        } finally {
            jdbc.execute("DROP TABLE copy_rows_test");
        }
    }
}
