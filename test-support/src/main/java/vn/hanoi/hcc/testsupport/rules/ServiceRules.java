package vn.hanoi.hcc.testsupport.rules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the main code of every service obeys, beside the boundaries of its own packages: the
 * reactive discipline, the contract module's rules, and no cycle between its packages. Include
 * them with {@code @ArchTest static final ArchTests service = ArchTests.in(ServiceRules.class)}.
 */
public final class ServiceRules {

    @ArchTest
    public static final ArchTests reactiveDiscipline = ArchTests.in(ReactiveDisciplineRules.class);

    @ArchTest
    public static final ArchTests contract = ArchTests.in(ContractRules.class);

    /** Sliced by a service's top-level packages ({@code vn.hanoi.hcc.<service>.<package>}). */
    @ArchTest
    public static final ArchRule packagesHaveNoCycles =
            slices().matching("vn.hanoi.hcc.*.(*)..").should().beFreeOfCycles();

    private ServiceRules() {}
}
