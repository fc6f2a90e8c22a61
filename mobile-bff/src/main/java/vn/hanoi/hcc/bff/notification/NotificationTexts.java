package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.RequiredAction;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;
import vn.hanoi.hcc.bff.i18n.Language;

/**
 * The title and body of a notification, in Vietnamese or English. They name the dossier by its code
 * and say what happened and what to do, never whose it is or what it is about: a lock screen is
 * public.
 */
public final class NotificationTexts {

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private NotificationTexts() {}

    /** A notification's text. */
    public record Text(String title, String body) {}

    public static Text of(
            NotificationEvent event, DossierStatus status, String dossierCode, Instant dueAt, boolean english) {
        return english ? english(event, status, dossierCode, dueAt) : vietnamese(event, status, dossierCode, dueAt);
    }

    private static Text vietnamese(NotificationEvent event, DossierStatus status, String code, Instant dueAt) {
        return switch (event) {
            case RESULT_READY ->
                new Text(
                        "Hồ sơ đã có kết quả",
                        "Hồ sơ " + code + " đã xử lý xong. Mở ứng dụng để xem cách nhận kết quả.");
            case ACTION_NEEDED ->
                status == DossierStatus.PAYMENT_REQUIRED
                        ? new Text(
                                "Hồ sơ chờ bạn thực hiện",
                                "Hồ sơ " + code + " chờ bạn thực hiện nghĩa vụ tài chính. Mở ứng dụng để xem chi tiết.")
                        : new Text(
                                "Hồ sơ cần bổ sung",
                                "Hồ sơ " + code + " cần bổ sung giấy tờ. Mở ứng dụng để xem yêu cầu.");
            case DUE_EXTENDED ->
                new Text(
                        "Hồ sơ được gia hạn",
                        "Hạn trả kết quả hồ sơ " + code + " được dời đến " + DUE.format(dueAt) + ".");
            case REMINDER_RESULT_READY ->
                new Text(
                        "Nhắc: kết quả đang chờ bạn",
                        "Kết quả hồ sơ " + code + " đã sẵn sàng nhưng chưa được nhận. Mở ứng dụng để xem cách nhận"
                                + " kết quả.");
            case REMINDER_ACTION_NEEDED ->
                new Text(
                        "Nhắc: hồ sơ chờ bạn",
                        "Hồ sơ " + code + " vẫn chờ bạn: " + needed(status, Language.VIETNAMESE)
                                + ". Mở ứng dụng để xem chi tiết.");
        };
    }

    private static Text english(NotificationEvent event, DossierStatus status, String code, Instant dueAt) {
        return switch (event) {
            case RESULT_READY ->
                new Text(
                        "Your result is ready",
                        "Dossier " + code + " has been processed. Open the app to see how to collect the result.");
            case ACTION_NEEDED ->
                status == DossierStatus.PAYMENT_REQUIRED
                        ? new Text(
                                "Action needed",
                                "Dossier " + code + " is waiting for your payment. Open the app for the details.")
                        : new Text(
                                "Documents needed",
                                "Dossier " + code + " needs more documents. Open the app to see what is asked.");
            case DUE_EXTENDED ->
                new Text(
                        "Due date extended",
                        "The result of dossier " + code + " is now due on " + DUE.format(dueAt) + ".");
            case REMINDER_RESULT_READY ->
                new Text(
                        "Reminder: your result is waiting",
                        "The result of dossier " + code + " is ready and not yet collected. Open the app to see how"
                                + " to collect it.");
            case REMINDER_ACTION_NEEDED ->
                new Text(
                        "Reminder: action needed",
                        "Dossier " + code + " is still waiting for you: " + needed(status, Language.ENGLISH)
                                + ". Open the app for the details.");
        };
    }

    /** What the applicant must do at this status (5 or 6), as the dossier view names it. */
    private static String needed(DossierStatus status, Language language) {
        return RequiredAction.of(status, ResultDelivery.COUNTER)
                .map(action -> action.label(Locale.forLanguageTag(language.tag())))
                .orElse(language.pick("xem yêu cầu trong ứng dụng", "see what is asked in the app"));
    }
}
