package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource({
        "Phường Hoàn Kiếm, phuong hoan kiem",
        "HOÀN   KIẾM, hoan kiem",
        "Đống Đa, dong da",
        "Xã Ứng Hòa, xa ung hoa",
        "'  Sóc  Sơn ', soc son",
        "Thượng Cát, thuong cat",
        "Hà Đông - Chương Mỹ, ha dong - chuong my",
        "already plain, already plain"
    })
    void foldsVietnameseToPlainLowerCase(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest
    @CsvSource({"Hoàn Kiếm", "Hoàn Kiếm"})
    void foldsComposedAndDecomposedFormsAlike(String text) {
        // the second value is written with combining marks (NFD), as some keyboards send it
        assertThat(SearchText.fold(text)).isEqualTo("hoan kiem");
    }
}
