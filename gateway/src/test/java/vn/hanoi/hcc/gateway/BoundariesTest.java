package vn.hanoi.hcc.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.hanoi.hcc.contract.identity.IdentityTokenSigner;
import vn.hanoi.hcc.testsupport.rules.ServiceRules;

/**
 * The gateway's package boundaries and reactive discipline, checked on the main code; what it
 * shares with the BFF comes from the contract module, never a copy.
 */
@AnalyzeClasses(packages = "vn.hanoi.hcc.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceRules.class);

    @ArchTest
    static final ArchRule filtersDoNotKnowErrorRendering = noClasses()
            .that()
            .resideInAPackage("..gateway.filter..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..gateway.error..");

    @ArchTest
    static final ArchRule onlySecuritySignsTheIdentityToken = noClasses()
            .that()
            .resideOutsideOfPackage("..gateway.security..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(IdentityTokenSigner.class.getName())
            .because("the token says what authentication established, and is handed over by one filter");
}
