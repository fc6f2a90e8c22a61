package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;

class PointFilterTest {

    @Test
    void readsEveryParameter() {
        PointFilter filter = PointFilter.parse("ward_point", "00070", " Hoàn Kiếm ");

        assertThat(filter.type()).contains(PointType.WARD_POINT);
        assertThat(filter.wardCode()).contains("00070");
        assertThat(filter.search()).contains("hoan kiem");
    }

    @Test
    void treatsBlankParametersAsAbsent() {
        PointFilter filter = PointFilter.parse(" ", "", null);

        assertThat(filter.type()).isEmpty();
        assertThat(filter.wardCode()).isEmpty();
        assertThat(filter.search()).isEmpty();
    }

    @Test
    void namesEveryInvalidParameter() {
        assertThatThrownBy(() -> PointFilter.parse("PARK", "7x", "a".repeat(101)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(InvalidParam::name)
                                .containsExactly("type", "ward", "q"));
    }

    @Test
    void acceptsASearchOfExactlyTheMaximumLength() {
        assertThat(PointFilter.parse(null, null, "a".repeat(PointFilter.MAX_SEARCH_LENGTH))
                        .search())
                .isPresent();
    }
}
