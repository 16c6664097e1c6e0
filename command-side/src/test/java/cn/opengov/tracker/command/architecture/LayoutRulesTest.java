package cn.opengov.tracker.command.architecture;

import cn.opengov.tracker.platform.testing.ControllerRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

/**
 * The rules the layout keeps, for api, platform and the command side (README, "Where things live"): messages and
 * rules free of any framework but Axon's annotations, modules that only look down, an aggregate and its policies
 * that know neither the web nor the database nor the wall clock, controllers without SQL or each other.
 */
@AnalyzeClasses(packages = "cn.opengov.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutRulesTest {

    @ArchTest
    static final ArchRule apiHasNoSpringWebOrJdbc = noClasses().that().resideInAPackage("cn.opengov.tracker.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..",
                    "javax.sql..")
            .because("api holds the messages and the pure rules both sides share");

    @ArchTest
    static final ArchRule apiLooksDownOnly = noClasses().that().resideInAPackage("cn.opengov.tracker.api..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.opengov.tracker.platform..",
                    "cn.opengov.tracker.command..", "cn.opengov.tracker.query..");

    @ArchTest
    static final ArchRule platformLooksDownOnly = noClasses().that().resideInAPackage("cn.opengov.tracker.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.opengov.tracker.command..", "cn.opengov.tracker.query..");

    @ArchTest
    static final ArchRule theAggregateAndItsPoliciesKnowNoWebNorDatabase = noClasses()
            .that(are(annotatedWith(Aggregate.class)).or(resideInAPackage("cn.opengov.tracker.command.request.policy..")))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..",
                    "javax.sql..", "..web..", "cn.opengov.tracker.command.lookup..")
            .because("the rules of the law are checked on the request's state alone");

    @ArchTest
    static final ArchRule theRulesReadNoWallClock = noClasses()
            .that(are(annotatedWith(Aggregate.class)).or(resideInAPackage("cn.opengov.tracker.command.request.policy.."))
                    .or(resideInAPackage("cn.opengov.tracker.api..")))
            .should().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .because("today comes in through LegalCalendar, so tests and the law's dates agree");

    @ArchTest
    static final ArchRule controllersHoldNoSql = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("SQL lives in the services, lookups and query classes");

    @ArchTest
    static final ArchRule controllersCallNoControllers = ControllerRules.CONTROLLERS_CALL_NO_CONTROLLERS;

    @ArchTest
    static final ArchRule webBodiesStayInTheWeb = noClasses().that().resideOutsideOfPackage("cn.opengov.tracker.command..web..")
            .should().dependOnClassesThat().resideInAPackage("cn.opengov.tracker.command..web..")
            .because("the services take the domain's values, not the JSON bodies of the endpoints");

    @ArchTest
    static final ArchRule commandPackagesHaveNoCycles = slices().matching("cn.opengov.tracker.command.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule apiPackagesHaveNoCycles = slices().matching("cn.opengov.tracker.api.(**)").should().beFreeOfCycles();

}
