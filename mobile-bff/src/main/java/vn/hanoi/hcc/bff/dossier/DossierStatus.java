package vn.hanoi.hcc.bff.dossier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.hanoi.hcc.bff.i18n.Language;

/**
 * The National Public Service Portal's status codes, so that the city system syncs one to one,
 * with their allowed transitions: 1→2,3,7 · 2→4,5,6,7,8,9 · 4→5,6,7,8,9 · 5→4,7,8 · 6→4,9,7,8 · 9→10.
 */
public enum DossierStatus {
    NEW(1, "Mới đăng ký", "Submitted"),
    RECEIVED(2, "Được tiếp nhận", "Received"),
    REJECTED(3, "Không được tiếp nhận", "Not accepted"),
    PROCESSING(4, "Đang xử lý", "In progress"),
    SUPPLEMENT_REQUIRED(5, "Yêu cầu bổ sung giấy tờ", "Documents required"),
    PAYMENT_REQUIRED(6, "Yêu cầu thực hiện nghĩa vụ tài chính", "Payment required"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ", "Withdrawn"),
    STOPPED(8, "Dừng xử lý", "Stopped"),
    RESULT_READY(9, "Đã xử lý xong", "Result ready"),
    RETURNED(10, "Đã trả kết quả", "Result returned");

    private static final Map<DossierStatus, Set<DossierStatus>> NEXT = Map.of(
            NEW, EnumSet.of(RECEIVED, REJECTED, WITHDRAWN),
            RECEIVED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUIRED, PAYMENT_REQUIRED, WITHDRAWN, STOPPED, RESULT_READY),
            PROCESSING, EnumSet.of(SUPPLEMENT_REQUIRED, PAYMENT_REQUIRED, WITHDRAWN, STOPPED, RESULT_READY),
            SUPPLEMENT_REQUIRED, EnumSet.of(PROCESSING, WITHDRAWN, STOPPED),
            PAYMENT_REQUIRED, EnumSet.of(PROCESSING, RESULT_READY, WITHDRAWN, STOPPED),
            RESULT_READY, EnumSet.of(RETURNED));

    private final int code;
    private final String vietnamese;
    private final String english;

    DossierStatus(int code, String vietnamese, String english) {
        this.code = code;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public int code() {
        return code;
    }

    /** The status with this code. */
    public static DossierStatus of(int code) {
        return Arrays.stream(values())
                .filter(status -> status.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No status " + code));
    }

    public boolean canMoveTo(DossierStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Statuses a dossier can move to from this one. */
    public Set<DossierStatus> next() {
        Set<DossierStatus> next = NEXT.get(this);
        return next == null ? Set.of() : EnumSet.copyOf(next);
    }

    /** Still in the hands of the administration, the clock running (1, 2, 4). */
    public boolean isActive() {
        return this == NEW || this == RECEIVED || this == PROCESSING;
    }

    /** Waiting for the citizen, the clock stopped (5, 6). */
    public boolean isPaused() {
        return this == SUPPLEMENT_REQUIRED || this == PAYMENT_REQUIRED;
    }

    /** The result is ready or returned (9, 10). */
    public boolean isFinished() {
        return this == RESULT_READY || this == RETURNED;
    }

    /** No status follows (3, 7, 8, 10). */
    public boolean isTerminal() {
        return next().isEmpty();
    }

    public String label(Locale locale) {
        return Language.of(locale).pick(vietnamese, english);
    }
}
