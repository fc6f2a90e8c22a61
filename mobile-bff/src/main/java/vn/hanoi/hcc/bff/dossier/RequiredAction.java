package vn.hanoi.hcc.bff.dossier;

import java.util.Locale;
import java.util.Optional;
import vn.hanoi.hcc.bff.i18n.Language;

/** What the citizen must do now for the dossier to go on, if anything. */
public enum RequiredAction {
    SUBMIT_DOCUMENTS("Nộp bổ sung giấy tờ theo yêu cầu", "Submit the requested documents"),
    PAY_FEES("Thực hiện nghĩa vụ tài chính (nộp phí, lệ phí)", "Pay the fees due"),
    COLLECT_RESULT("Nhận kết quả tại điểm tiếp nhận", "Collect the result at the receiving point"),
    DOWNLOAD_RESULT("Tải kết quả điện tử", "Download the electronic result");

    private final String vietnamese;
    private final String english;

    RequiredAction(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public static Optional<RequiredAction> of(DossierStatus status, ResultDelivery delivery) {
        return switch (status) {
            case SUPPLEMENT_REQUIRED -> Optional.of(SUBMIT_DOCUMENTS);
            case PAYMENT_REQUIRED -> Optional.of(PAY_FEES);
            case RESULT_READY ->
                switch (delivery) {
                    case COUNTER -> Optional.of(COLLECT_RESULT);
                    case ELECTRONIC -> Optional.of(DOWNLOAD_RESULT);
                    case POSTAL -> Optional.empty(); // the post brings it
                };
            default -> Optional.empty();
        };
    }

    public String label(Locale locale) {
        return Language.of(locale).pick(vietnamese, english);
    }
}
