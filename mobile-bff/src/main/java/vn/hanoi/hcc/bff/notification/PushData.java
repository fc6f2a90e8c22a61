package vn.hanoi.hcc.bff.notification;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of every push (FCM's data map: strings only), beside its localized title and body, which
 * carry no personal data: the app reads the dossier's code and version to refresh it. Its schema is
 * published in the OpenAPI document ({@code components.schemas.PushData}).
 */
@Schema(
        name = "PushData",
        description = "The data map of every push notification (Firebase Cloud Messaging): all values are "
                + "strings. The app refreshes the dossier when version is newer than the one it holds.")
public record PushData(
        @Schema(description = "The dossier's code", example = "000.00.01.H26-260101-0001", requiredMode = REQUIRED)
        String dossierCode,

        @Schema(
                description = "What happened",
                allowableValues = {
                    "RESULT_READY",
                    "ACTION_NEEDED",
                    "DUE_EXTENDED",
                    "REMINDER_RESULT_READY",
                    "REMINDER_ACTION_NEEDED"
                },
                requiredMode = REQUIRED)
        String event,

        @Schema(description = "The dossier's status code (1-10), as a string", example = "9", requiredMode = REQUIRED)
        String status,

        @Schema(description = "The dossier's version, as a string", example = "4", requiredMode = REQUIRED)
        String version) {

    static PushData of(PushMessage message) {
        return new PushData(
                message.dossierCode(),
                message.event().name(),
                Integer.toString(message.status()),
                Long.toString(message.dossierVersion()));
    }

    /** The map FCM sends, in this record's order. */
    Map<String, String> asMap() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("dossierCode", dossierCode);
        data.put("event", event);
        data.put("status", status);
        data.put("version", version);
        return data;
    }
}
