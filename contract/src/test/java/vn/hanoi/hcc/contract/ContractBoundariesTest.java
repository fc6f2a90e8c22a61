package vn.hanoi.hcc.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.hanoi.hcc.testsupport.rules.ReactiveDisciplineRules;

/** The contract's concepts stand apart from each other, and the library stays small and non-blocking. */
@AnalyzeClasses(packages = "vn.hanoi.hcc.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractBoundariesTest {

    @ArchTest
    static final ArchTests reactiveDiscipline = ArchTests.in(ReactiveDisciplineRules.class);

    @ArchTest
    static final ArchRule conceptsDoNotDependOnEachOther =
            slices().matching("vn.hanoi.hcc.contract.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyTheRequestIdAndTracingAreWiredBySpringBoot = noClasses()
            .that()
            .resideOutsideOfPackages("..contract.requestid..", "..contract.tracing..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.boot..")
            .because("each service binds its own settings and hands the contract plain values");

    @ArchTest
    static final ArchRule onlyTheIdentityPackageKnowsJwts = noClasses()
            .that()
            .resideOutsideOfPackage("..contract.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nimbusds..");
}
