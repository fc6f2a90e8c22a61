package vn.hanoi.hcc.bff.dossier.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Dossiers filed and moved through the agent API, as the city system would, at given times. */
public final class AgentDossiers {

    public static final String APPLICANT = "Phạm Văn Cường";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient system;
    private final String agency;
    private int events;

    public AgentDossiers(WebTestClient system, String agency) {
        this.system = system;
        this.agency = agency;
    }

    /** Files a dossier at the point for the citizen; its code. */
    public String file(String point, String citizenId, Instant received, Instant due) {
        Map<String, Object> dossier = new HashMap<>(Map.of(
                "agencyCode",
                agency,
                "procedureCode",
                "1.004",
                "procedureName",
                "Cấp giấy phép xây dựng",
                "field",
                "Xây dựng",
                "applicantCitizenId",
                citizenId,
                "applicantName",
                APPLICANT,
                "receivingPointId",
                point,
                "receivedAt",
                received.toString(),
                "dueAt",
                due.toString(),
                "channel",
                "counter"));
        dossier.put("resultDelivery", "counter");
        return (String) system.post()
                .uri("/api/v1/agent/dossiers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(dossier)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("code");
    }

    /** Moves the dossier to the status at that time. */
    public void move(String code, int status, Instant at) {
        system.post()
                .uri("/api/v1/agent/dossiers/{code}/events", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("eventId", code + "-" + ++events, "status", status, "occurredAt", at.toString()))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
