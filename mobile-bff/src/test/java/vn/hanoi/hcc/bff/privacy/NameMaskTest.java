package vn.hanoi.hcc.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMaskTest {

    @ParameterizedTest
    @CsvSource({
        "Nguyễn Văn An, Ng*** V** A**",
        "Trần Thị Minh Khai, Tr*** T** M** K**",
        "'  Lê   Hoa ', Lê*** H**",
        "Ư, Ư***",
        "Đỗ, Đỗ***"
    })
    void keepsAFewLettersAndHidesTheLengths(String name, String masked) {
        assertThat(NameMask.mask(name)).isEqualTo(masked);
    }
}
