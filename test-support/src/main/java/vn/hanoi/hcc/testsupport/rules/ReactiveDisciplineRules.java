package vn.hanoi.hcc.testsupport.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ArchUnit rules for main code: nothing blocks, configuration is typed, no grab-bag packages.
 * Include them with {@code @ArchTest static final ArchTests reactive = ArchTests.in(ReactiveDisciplineRules.class)}.
 */
public final class ReactiveDisciplineRules {

    @ArchTest
    public static final ArchRule nothingBlocks = noClasses()
            .should()
            .callMethod(Mono.class, "block")
            .orShould()
            .callMethod(Flux.class, "blockFirst")
            .orShould()
            .callMethod(Flux.class, "blockLast")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .because("an event loop must never wait; a blocking call goes to boundedElastic");

    @ArchTest
    public static final ArchRule noBlockingHttpClients = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.springframework.web.client..");

    @ArchTest
    public static final ArchRule configurationIsTyped = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
            .because("configuration is read through @ConfigurationProperties records");

    @ArchTest
    public static final ArchRule noGrabBagPackages =
            noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..");

    private ReactiveDisciplineRules() {}
}
