package cn.opengov.tracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table and written as CSV and JSON. */
final class Results {

    record Row(String measure, String value, String unit, String target, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void context(String key, Object value) {
        context.put(key, value);
    }

    void add(String measure, double value, String unit, String target, String note) {
        rows.add(new Row(measure, value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format("%.2f", value), unit, target, note));
        System.out.printf("  %-58s %14s %-10s %s%n", measure, rows.get(rows.size() - 1).value(), unit, target);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        StringBuilder csv = new StringBuilder("measure,value,unit,target,note\n");
        for (Row r : rows) {
            csv.append(String.join(",", quote(r.measure()), r.value(), quote(r.unit()), quote(r.target()), quote(r.note()))).append('\n');
        }
        Files.writeString(dir.resolve("bench-" + stamp + ".csv"), csv);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("context", context);
        json.put("results", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("bench-" + stamp + ".json").toFile(), json);
        System.out.println();
        System.out.println("=".repeat(110));
        System.out.printf("%-58s %14s %-10s %-14s %s%n", "measure", "value", "unit", "target", "note");
        System.out.println("-".repeat(110));
        for (Row r : rows) {
            System.out.printf("%-58s %14s %-10s %-14s %s%n", r.measure(), r.value(), r.unit(), r.target(), r.note());
        }
        System.out.println("=".repeat(110));
        System.out.println("written: " + dir.resolve("bench-" + stamp + ".csv") + " and .json");
    }

    private static String quote(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }
}
