package cn.opengov.tracker.command.reporting;

import cn.opengov.tracker.api.reporting.AnnualReportPublished;
import cn.opengov.tracker.api.reporting.CloseYear;
import cn.opengov.tracker.api.reporting.PublishAnnualReport;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.request.LegalCalendar;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One agency's annual reporting (年度报告): which years are closed, and what was published. Identified by the
 * agency's code.
 */
@Aggregate
public class AgencyReporting {

    @AggregateIdentifier
    private String agencyCode;
    private Integer closedThrough;

    protected AgencyReporting() {
        // for Axon
    }

    /** @return true when this closed the year now, false when it was closed already */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(CloseYear cmd, LegalCalendar calendar) {
        requireYearOver(cmd.year(), calendar);
        if (closedThrough != null && closedThrough >= cmd.year()) {
            return false;
        }
        apply(new YearClosed(cmd.agencyCode(), cmd.year()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishAnnualReport cmd, LegalCalendar calendar) {
        requireYearOver(cmd.year(), calendar);
        apply(new AnnualReportPublished(cmd.agencyCode(), cmd.year(), cmd.includeSubAgencies(), cmd.table(),
                cmd.reviewLitigation()));
    }

    /** 年度结转 is allowed from 1 January of the next year (SPEC §4). */
    private static void requireYearOver(int year, LegalCalendar calendar) {
        if (calendar.today().getYear() <= year) {
            throw new RuleViolation(Rule.YEAR_NOT_OVER, year, year + 1);
        }
    }

    @EventSourcingHandler
    void on(YearClosed e) {
        agencyCode = e.agencyCode();
        closedThrough = closedThrough == null ? e.year() : Math.max(closedThrough, e.year());
    }

    @EventSourcingHandler
    void on(AnnualReportPublished e) {
        agencyCode = e.agencyCode();
    }
}
