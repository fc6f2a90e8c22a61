package vn.hanoi.hcc.contract.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kinds' labels are the token's {@code kind} claim: lower case, and read back exactly. */
class CallerKindTest {

    @Test
    void labelsEveryKindInLowerCaseAndReadsItBack() {
        assertThat(Arrays.stream(CallerKind.values()).map(CallerKind::label))
                .containsExactly("anonymous", "user", "agent", "system", "service");
        for (CallerKind kind : CallerKind.values()) {
            assertThat(CallerKind.fromLabel(kind.label())).isSameAs(kind);
        }
    }

    @Test
    void refusesALabelOfNoKind() {
        assertThatThrownBy(() -> CallerKind.fromLabel("USER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerKind.fromLabel(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAgentsAndTheCitySystemAsMachines() {
        assertThat(Arrays.stream(CallerKind.values()).filter(CallerKind::isMachine))
                .containsExactly(CallerKind.AGENT, CallerKind.SYSTEM);
    }
}
