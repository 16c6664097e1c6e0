package cn.opengov.tracker.command.reporting;

import cn.opengov.tracker.api.reporting.CloseYear;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.request.FixedLegalCalendar;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgencyReportingTest {

    private FixtureConfiguration<AgencyReporting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgencyReporting.class);
        fixture.registerInjectableResource(FixedLegalCalendar.on("2026-01-01"));
    }

    @Test
    void closesAYearFromTheFirstOfJanuaryAfterIt() {
        fixture.givenNoPriorActivity().when(new CloseYear("ZNX", 2025))
                .expectEvents(new YearClosed("ZNX", 2025)).expectResultMessagePayload(true);
    }

    @Test
    void cannotCloseAYearThatIsNotOver() {
        fixture.givenNoPriorActivity().when(new CloseYear("ZNX", 2026))
                .expectException(Matchers.<RuleViolation>hasProperty("message", Matchers.containsString("2026年尚未结束")))
                .expectNoEvents();
    }

    @Test
    void closingAgainOrAnEarlierYearChangesNothing() {
        fixture.given(new YearClosed("ZNX", 2025)).when(new CloseYear("ZNX", 2025))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(new YearClosed("ZNX", 2025)).when(new CloseYear("ZNX", 2023)).expectNoEvents();
    }

    @Test
    void theRuleNamesTheYearNotOver() {
        org.assertj.core.api.Assertions.assertThat(Rule.YEAR_NOT_OVER.format(2026, 2027)).contains("2027年1月1日");
    }
}
