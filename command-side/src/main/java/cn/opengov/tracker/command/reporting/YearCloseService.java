package cn.opengov.tracker.command.reporting;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.AnnualTables;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.reporting.CloseYear;
import cn.opengov.tracker.api.reporting.PublishAnnualReport;
import cn.opengov.tracker.api.request.command.CarryOverRequest;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * 年度结转 and publication (SPEC §4). A close holds each agency's row for update, so that a late entry or an
 * answer dated into the year either commits before it (and is carried or not by its dates) or waits and then
 * sees the year closed. The whole close is one transaction: it happens completely or not at all.
 */
@Service
public class YearCloseService {

    private final CommandGateway commands;
    private final RequestIndex index;
    private final AgencyDirectory agencies;
    private final JdbcTemplate jdbc;

    public YearCloseService(CommandGateway commands, RequestIndex index, AgencyDirectory agencies, JdbcTemplate jdbc) {
        this.commands = commands;
        this.index = index;
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    /** @return how many carry-overs this close recorded (0 when run again) */
    @Transactional
    public int close(String agencyCode, int year, boolean includeSubAgencies) {
        List<String> codes = agencies.codesOf(agencyCode, includeSubAgencies);
        for (String code : codes) {
            jdbc.query("SELECT code FROM agency WHERE code = ? FOR UPDATE", rs -> { }, code);
        }
        int carried = 0;
        for (String code : codes) {
            commands.sendAndWait(new CloseYear(code, year));
            int through = Math.max(year, index.closedThrough(code).orElse(year));
            for (UUID requestId : index.carryOverCandidates(code, through)) {
                Integer added = commands.sendAndWait(new CarryOverRequest(requestId, through));
                carried += added == null ? 0 : added;
            }
        }
        return carried;
    }

    /** Closes the year if needed, then freezes its tables as they stand now. */
    @Transactional
    public PublishAnnualReport publish(String agencyCode, int year, boolean includeSubAgencies) {
        close(agencyCode, year, includeSubAgencies);
        List<String> codes = agencies.codesOf(agencyCode, includeSubAgencies);
        AnnualTable table = AnnualTables.derive(year, index.factsForYear(codes, year), year);
        ReviewLitigationTable reviewLitigation = ReviewLitigationTable.derive(year, index.casesForYear(codes, year));
        PublishAnnualReport command = new PublishAnnualReport(agencyCode, year, includeSubAgencies, table, reviewLitigation);
        commands.sendAndWait(command);
        return command;
    }
}
