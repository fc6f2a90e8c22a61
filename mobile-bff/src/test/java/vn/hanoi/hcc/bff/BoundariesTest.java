package vn.hanoi.hcc.bff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.RestController;
import vn.hanoi.hcc.testsupport.rules.ServiceRules;

/**
 * The BFF's module boundaries and reactive discipline, checked on the main code; what it shares
 * with the gateway comes from the contract module, never a copy.
 */
@AnalyzeClasses(packages = "vn.hanoi.hcc.bff", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceRules.class);

    @ArchTest
    static final ArchRule onlyAFeaturesOwnWebAdapterIsItsWeb = noClasses()
            .that()
            .resideOutsideOfPackage("vn.hanoi.hcc.bff..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("vn.hanoi.hcc.bff..web..");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("vn.hanoi.hcc.bff..web..");

    @ArchTest
    static final ArchRule technicalPackagesKnowNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "..bff.error..",
                    "..bff.observability..",
                    "..bff.config..",
                    "..bff.cache..",
                    "..bff.privacy..",
                    "..bff.security..",
                    "..bff.geo..",
                    "..bff.routing..",
                    "..bff.i18n..",
                    "..bff.outbox..",
                    "..bff.input..",
                    "..bff.background..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..bff.point..",
                    "..bff.seed..",
                    "..bff.apikey..",
                    "..bff.dossier..",
                    "..bff.rating..",
                    "..bff.ops..",
                    "..bff.coverage..");

    @ArchTest
    static final ArchRule onlyTheOpsViewComposesFeatures = noClasses()
            .that()
            .resideInAnyPackage("..bff.point..", "..bff.dossier..", "..bff.rating..", "..bff.apikey..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..bff.ops..");

    /** The dossier feature tells what happened (DossierChangeListener); who listens is not its business. */
    @ArchTest
    static final ArchRule theDossierFeatureKnowsNoListener = noClasses()
            .that()
            .resideInAPackage("..bff.dossier..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..bff.notification..", "..bff.webhook..");

    @ArchTest
    static final ArchRule webAdaptersDoNotTouchTheDatabase = noClasses()
            .that()
            .resideInAPackage("vn.hanoi.hcc.bff..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..", "java.sql..");

    @ArchTest
    static final ArchRule featuresKnowTheCallerNotTheToken = noClasses()
            .that()
            .resideOutsideOfPackage("..bff.security..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("vn.hanoi.hcc.contract.identity..")
            .because("the identity token is checked once, by the security filter; features get a Caller");

    @ArchTest
    static final ArchRule jdbcOnlyInMigrations = noClasses()
            .that()
            .resideOutsideOfPackage("..bff.seed..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..");

    /**
     * SQL lives in *Repository classes only: services orchestrate, controllers adapt HTTP. (The seed
     * package migrates over JDBC, see {@link #jdbcOnlyInMigrations}, and needs no exception here.)
     */
    @ArchTest
    static final ArchRule onlyRepositoriesTalkToTheDatabase = noClasses()
            .that(areNotRepositories())
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(DatabaseClient.class);

    private static DescribedPredicate<JavaClass> areNotRepositories() {
        return DescribedPredicate.describe(
                "are not *Repository classes",
                javaClass -> !outermost(javaClass).getSimpleName().endsWith("Repository"));
    }

    /** A nested or anonymous class counts as the class it is written in. */
    private static JavaClass outermost(JavaClass javaClass) {
        return javaClass.getEnclosingClass().map(BoundariesTest::outermost).orElse(javaClass);
    }
}
