package cn.opengov.tracker.platform.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agency tree. Agencies are few and every scope check and roll-up asks for them, so the tree is kept in
 * memory; before each use the node compares the tree's version in PostgreSQL ({@code agency_tree_version}, moved
 * by a trigger on every change of {@code agency}, whichever node or tool made it) and rereads the tree when it
 * moved. A new agency or a new parent therefore counts in every roll-up at once, on every node, for the price of
 * reading one number.
 */
@Component
public class AgencyDirectory {

    public static final String TOP = "ROOT";

    private final JdbcTemplate jdbc;
    private final DirectoryAudit audit;
    private volatile AgencyTree tree = new AgencyTree(-1, Map.of());

    public AgencyDirectory(JdbcTemplate jdbc, DirectoryAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The current tree: one consistent snapshot for a whole check or roll-up. */
    public AgencyTree tree() {
        long version = jdbc.queryForObject("SELECT version FROM agency_tree_version", Long.class);
        AgencyTree known = tree;
        return known.version() == version ? known : reload(version);
    }

    public Optional<Agency> find(String code) {
        return tree().find(code);
    }

    public Agency require(String code) {
        return tree().require(code);
    }

    /** The agency itself and, when asked, all its descendants: the codes a roll-up or a scope covers. */
    public List<String> codesOf(String code, boolean includeDescendants) {
        return tree().codesOf(code, includeDescendants);
    }

    public List<Agency> all() {
        return tree().all();
    }

    public boolean isWithin(String code, String ancestorCode) {
        return tree().isWithin(code, ancestorCode);
    }

    @Transactional
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
        audit.record(createdBy, DirectoryAudit.Action.AGENCY_CREATED, code, code, name + "（上级 " + parent.code() + "）");
        return agency;
    }

    private synchronized AgencyTree reload(long version) {
        AgencyTree known = tree;
        if (known.version() == version) {
            return known;
        }
        // the rows are read after the version: a change in between makes them newer than their label, never
        // older, and the next check rereads them
        Map<String, Agency> loaded = jdbc.query("SELECT code, name, parent_code, path FROM agency",
                        (rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .stream().collect(Collectors.toUnmodifiableMap(Agency::code, Function.identity()));
        AgencyTree fresh = new AgencyTree(version, loaded);
        tree = fresh;
        return fresh;
    }

    /** One version of the agency tree, immutable. */
    public record AgencyTree(long version, Map<String, Agency> byCode) {

        public Optional<Agency> find(String code) {
            return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
        }

        public Agency require(String code) {
            return find(code).orElseThrow(() -> RuleViolation.ofField("agencyCode", Rule.AGENCY_NOT_FOUND, code));
        }

        public List<String> codesOf(String code, boolean includeDescendants) {
            Agency root = require(code);
            if (!includeDescendants) {
                return List.of(root.code());
            }
            return byCode.values().stream().filter(a -> a.isWithin(root)).map(Agency::code).sorted().toList();
        }

        public List<Agency> all() {
            return byCode.values().stream().sorted(Comparator.comparing(Agency::path)).toList();
        }

        public boolean isWithin(String code, String ancestorCode) {
            Optional<Agency> agency = find(code);
            Optional<Agency> ancestor = find(ancestorCode);
            return agency.isPresent() && ancestor.isPresent() && agency.get().isWithin(ancestor.get());
        }
    }
}
