package cn.opengov.tracker.platform.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agency tree. Agencies are few and never removed, and every scope check and roll-up asks for them, so the
 * whole tree is kept in memory and reread when an unknown code is asked for (another node may have added it).
 */
@Component
public class AgencyDirectory {

    public static final String TOP = "ROOT";

    private final JdbcTemplate jdbc;
    private volatile Map<String, Agency> byCode = Map.of();

    public AgencyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Agency agency = byCode.get(code);
        if (agency == null) {
            reload();
            agency = byCode.get(code);
        }
        return Optional.ofNullable(agency);
    }

    public Agency require(String code) {
        return find(code).orElseThrow(() -> RuleViolation.ofField("agencyCode", Rule.AGENCY_NOT_FOUND, code));
    }

    /** The agency itself and, when asked, all its descendants: the codes a roll-up or a scope covers. */
    public List<String> codesOf(String code, boolean includeDescendants) {
        Agency root = require(code);
        if (!includeDescendants) {
            return List.of(root.code());
        }
        return byCode.values().stream().filter(a -> a.isWithin(root)).map(Agency::code).sorted().toList();
    }

    public List<Agency> all() {
        if (byCode.isEmpty()) {
            reload();
        }
        return byCode.values().stream().sorted(Comparator.comparing(Agency::path)).toList();
    }

    public boolean isWithin(String code, String ancestorCode) {
        Optional<Agency> agency = find(code);
        Optional<Agency> ancestor = find(ancestorCode);
        return agency.isPresent() && ancestor.isPresent() && agency.get().isWithin(ancestor.get());
    }

    public Agency create(String code, String name, String parentCode, String createdBy) {
        Agency parent = find(parentCode == null ? TOP : parentCode)
                .orElseThrow(() -> RuleViolation.ofField("parentCode", Rule.AGENCY_NOT_FOUND, parentCode));
        Agency agency = new Agency(code, name, parent.code(), parent.path() + code + "/");
        try {
            jdbc.update("INSERT INTO agency (code, name, parent_code, path, created_by) VALUES (?, ?, ?, ?, ?)",
                    agency.code(), agency.name(), agency.parentCode(), agency.path(), createdBy);
        } catch (DuplicateKeyException e) {
            throw RuleViolation.ofField("code", Rule.AGENCY_EXISTS, code);
        }
        reload();
        return agency;
    }

    private synchronized void reload() {
        Map<String, Agency> loaded = jdbc.query("SELECT code, name, parent_code, path FROM agency",
                        (rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .stream().collect(Collectors.toMap(Agency::code, Function.identity()));
        byCode = new ConcurrentHashMap<>(loaded);
    }
}
