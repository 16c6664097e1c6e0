package cn.opengov.tracker.command.document;

import cn.opengov.tracker.api.document.DocumentKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice numbers, gap-free per agency, kind and year. The next number is taken by incrementing the sequence row
 * inside the caller's transaction — the one that records the notice — so the row stays locked until that
 * transaction ends: a concurrent issue of the same agency, kind and year waits, and a refused or failed issue
 * rolls its number back for the next one to take.
 */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;

    public DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String agencyCode, DocumentKind kind, int year) {
        Integer value = jdbc.queryForObject("""
                INSERT INTO document_sequence (agency_code, kind, year, last_value) VALUES (?, ?, ?, 1)
                ON CONFLICT (agency_code, kind, year) DO UPDATE SET last_value = document_sequence.last_value + 1
                RETURNING last_value""", Integer.class, agencyCode, kind.name(), year);
        return value == null ? 1 : value;
    }
}
