package vn.hanoi.hcc.testsupport.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ArchUnit rules for a service on the contract module ({@code vn.hanoi.hcc.contract}): what both
 * services must agree on is written once, there. Include them with
 * {@code @ArchTest static final ArchTests contract = ArchTests.in(ContractRules.class)}.
 */
public final class ContractRules {

    private static final String CONTRACT = "vn.hanoi.hcc.contract";

    /** The public classes of the contract, read from the classpath (this module does not depend on it). */
    private static final Set<String> CONTRACT_CLASSES = new ClassFileImporter()
            .importPackages(CONTRACT).stream()
                    .filter(type ->
                            type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                    .map(JavaClass::getSimpleName)
                    .collect(Collectors.toUnmodifiableSet());

    @ArchTest
    public static final ArchRule nothingOfTheContractIsWrittenAgain = classes()
            .that()
            .resideOutsideOfPackage(CONTRACT + "..")
            .should(notBeNamedLikeAClassOfTheContract())
            .because("a copy of what both services must agree on drifts; the contract module's does not");

    @ArchTest
    public static final ArchRule onlyTheContractSignsOrVerifiesIdentityTokens = noClasses()
            .that()
            .resideOutsideOfPackage(CONTRACT + "..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("com.nimbusds.jose.crypto.MACSigner")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("com.nimbusds.jose.crypto.MACVerifier")
            .because("the identity token (HS256) is signed and verified by vn.hanoi.hcc.contract.identity only");

    private ContractRules() {}

    private static ArchCondition<JavaClass> notBeNamedLikeAClassOfTheContract() {
        return new ArchCondition<>("not be named like a class of " + CONTRACT) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (CONTRACT_CLASSES.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type, CONTRACT + " is not on the classpath"));
                } else if (CONTRACT_CLASSES.contains(type.getSimpleName())) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is named like a class of " + CONTRACT + ": use that one"));
                }
            }
        };
    }
}
