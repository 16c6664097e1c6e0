package cn.opengov.tracker.query.architecture;

import cn.opengov.tracker.platform.testing.ControllerRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules the query side's layout keeps (README, "Where things live"): one core that feeds every read model and
 * knows none of them, a package per read model, controllers without SQL that read through query classes.
 */
@AnalyzeClasses(packages = "cn.opengov.tracker.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryLayoutRulesTest {

    private static final String[] READ_MODELS_AND_PAGES = {"..query.requestdetail..", "..query.deadlineboard..",
            "..query.annualmatrix..", "..query.reviewlitigation..", "..query.published..", "..query.calendar..",
            "..query.admin..", "..query.web.."};

    @ArchTest
    static final ArchRule theProjectionCoreKnowsNoReadModel = noClasses().that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS_AND_PAGES)
            .because("the read models plug into the core (ReadModelWriter, RequestStateStore), not the other way round");

    @ArchTest
    static final ArchRule readModelsKnowNoPages = noClasses().that().resideOutsideOfPackage("..query.web..")
            .should().dependOnClassesThat().resideInAPackage("..query.web..");

    @ArchTest
    static final ArchRule controllersHoldNoSql = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("SQL lives in the query classes, which the API and the pages share");

    @ArchTest
    static final ArchRule controllersCallNoControllers = ControllerRules.CONTROLLERS_CALL_NO_CONTROLLERS;

    @ArchTest
    static final ArchRule queryPackagesHaveNoCycles = slices().matching("cn.opengov.tracker.query.(**)").should().beFreeOfCycles();
}
