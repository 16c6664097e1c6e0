package cn.opengov.tracker.query.annualreport;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of a report's text sections (annual_report_text). Saving adds a version; it names the version it
 * was edited from, and is refused (409) when someone saved another meanwhile, so no edit silently replaces another.
 */
@Component
public class ReportTexts {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public ReportTexts(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public ReportText latest(String agencyCode, int year) {
        return jdbc.query("SELECT * FROM annual_report_text WHERE agency_code = ? AND year = ? ORDER BY version DESC LIMIT 1",
                mapper(), agencyCode, year).stream().findFirst().orElse(ReportText.empty(agencyCode, year));
    }

    /** Every version, newest first, each with the sections it changed from the one before. */
    public List<Change> history(String agencyCode, int year) {
        List<ReportText> versions = jdbc.query("SELECT * FROM annual_report_text WHERE agency_code = ? AND year = ? ORDER BY version",
                mapper(), agencyCode, year);
        List<Change> changes = new ArrayList<>();
        ReportText before = ReportText.empty(agencyCode, year);
        for (ReportText v : versions) {
            List<String> changed = new ArrayList<>();
            if (!v.overview().equals(before.overview())) {
                changed.add("一、总体情况");
            }
            if (!v.activeDisclosure().equals(before.activeDisclosure())) {
                changed.add("二、主动公开政府信息情况");
            }
            if (!v.problems().equals(before.problems())) {
                changed.add("五、存在的主要问题及改进情况");
            }
            if (!v.otherItems().equals(before.otherItems())) {
                changed.add("六、其他需要报告的事项");
            }
            changes.add(new Change(v.version(), v.editedBy(), v.editedAt(), changed));
            before = v;
        }
        java.util.Collections.reverse(changes);
        return changes;
    }

    /** One saved version: who, when, which sections changed. */
    public record Change(int version, String editedBy, Instant editedAt, List<String> sectionsChanged) {
    }

    /** Saves a new version edited from {@code basedOn}; answers it. */
    @Transactional
    public ReportText save(String agencyCode, int year, int basedOn, String overview, ActiveDisclosure disclosure,
                           String problems, String otherItems, String user) {
        // the query side's connections commit asynchronously (read models can be rebuilt); this text cannot
        jdbc.execute("SET LOCAL synchronous_commit TO on");
        ReportText latest = latest(agencyCode, year);
        int current = latest.version();
        if (basedOn != current) {
            throw new RuleViolation(Rule.REPORT_TEXT_CHANGED, latest.editedBy(), current, basedOn);
        }
        Instant now = clock.instant();
        try {
            jdbc.update("""
                    INSERT INTO annual_report_text (agency_code, year, version, overview, active_disclosure, problems, other_items,
                                                    edited_by, edited_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", agencyCode, year, current + 1, overview,
                    json.writeValueAsString(disclosure), problems, otherItems, user, Timestamp.from(now));
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation(Rule.REPORT_TEXT_CHANGED, "他人", current + 1, basedOn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ReportText(agencyCode, year, current + 1, overview, disclosure, problems, otherItems, user, now);
    }

    private RowMapper<ReportText> mapper() {
        return (rs, i) -> {
            try {
                return new ReportText(rs.getString("agency_code"), rs.getInt("year"), rs.getInt("version"),
                        rs.getString("overview"), json.readValue(rs.getString("active_disclosure"), ActiveDisclosure.class),
                        rs.getString("problems"), rs.getString("other_items"), rs.getString("edited_by"),
                        rs.getTimestamp("edited_at").toInstant());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
