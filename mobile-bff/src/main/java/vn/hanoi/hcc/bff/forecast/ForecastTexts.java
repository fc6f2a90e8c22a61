package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** A forecast in a sentence, in Vietnamese or English, days in Hanoi time. */
final class ForecastTexts {

    private static final DateTimeFormatter ENGLISH_DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).withZone(WorkingCalendar.ZONE);
    private static final DateTimeFormatter VIETNAMESE_DAY = DateTimeFormatter.ofPattern(
                    "EEEE dd/MM", Locale.forLanguageTag("vi"))
            .withZone(WorkingCalendar.ZONE);

    private ForecastTexts() {}

    static String expected(Forecast.Expected forecast, Language language) {
        String ready = day(forecast.expectedReadyAt(), language);
        String bound = day(forecast.lateBoundAt(), language);
        String text = language.pick(
                "Dự kiến có kết quả vào " + ready + "; 8/10 hồ sơ tương tự xong trước " + bound,
                "Likely ready by " + ready + "; 8 in 10 by " + bound);
        if (forecast.likelyLate()) {
            text += language.pick(
                    " (muộn hơn hạn " + day(forecast.dueAt(), language) + ")",
                    " (later than the due date, " + day(forecast.dueAt(), language) + ")");
        }
        return forecast.paused()
                ? language.pick("Hồ sơ đang chờ bổ sung: nếu bổ sung hôm nay, ", "Waiting for you: if done today, ")
                        + lowerFirst(text)
                : text;
    }

    static String unavailable(String reason, Language language) {
        switch (reason) {
            case "OUTLASTED_SIMILAR":
                return language.pick(
                        "Hồ sơ đã lâu hơn hầu hết hồ sơ tương tự: chưa thể dự kiến ngày có kết quả",
                        "This dossier has taken longer than nearly all similar ones: no forecast");
            case "NOT_READY":
                return language.pick("Chưa có dự kiến, vui lòng thử lại sau", "No forecast yet, try again shortly");
            default:
                return language.pick(
                        "Chưa đủ hồ sơ tương tự để dự kiến ngày có kết quả",
                        "Too few similar dossiers to forecast a date");
        }
    }

    private static String day(Instant instant, Language language) {
        return language.isEnglish() ? ENGLISH_DAY.format(instant) : VIETNAMESE_DAY.format(instant);
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
