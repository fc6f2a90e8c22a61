package vn.hanoi.hcc.bff.pointrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import vn.hanoi.hcc.bff.dossier.web.AgentDossiers;
import vn.hanoi.hcc.bff.point.web.PointKeys;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The records as the public API shows them: on one point always, in the list and the nearest answer
 * with record=true only (without it, exactly the keys of before), every figure withheld below its
 * minimum, and nothing about any dossier or person.
 */
class PointRecordApiTest extends RecordsDatabaseTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final Set<String> POINT_KEYS = Set.of(
            "id",
            "name",
            "type",
            "address",
            "wardCode",
            "wardName",
            "branchGroup",
            "lat",
            "lon",
            "coordinateQuality",
            "openingHours",
            "note",
            "active");
    private static final Set<String> NEARBY_KEYS = PointKeys.NEARBY;
    private static final Set<String> RECORD_KEYS =
            Set.of("windowFrom", "windowTo", "computedAt", "received", "timeliness", "satisfaction");
    private static final String NEAR_HOAN_KIEM = "/api/v1/points/nearest?lat=21.0285&lon=105.8542&limit=3";
    private static final String COMMENT = "Cán bộ Trần Thị Bích rất nhiệt tình";

    /** Filed once for the class: the records' data is the same for every test. */
    private static boolean filed;

    private static String aCode;

    @Autowired
    private Clock clock;

    @BeforeEach
    void fileOnceAndRefresh() {
        if (!filed) {
            fileTheDossiers();
            filed = true;
        }
        refreshNow();
    }

    @Test
    void showsOnePointsRecordAboveTheMinimums() {
        Map<String, Object> record = record(point("W00070"));

        assertThat(record.keySet()).isEqualTo(RECORD_KEYS);
        assertThat(record).containsEntry("received", 21).containsEntry("windowTo", today().toString());
        assertThat(record.get("windowFrom")).isEqualTo(today().minusDays(90).toString());
        assertThat(record.get("computedAt")).isNotNull();
        assertThat(part(record, "timeliness"))
                .containsEntry("finished", 20)
                .containsEntry("minimum", 20)
                .containsEntry("onTimeOrEarly", 17)
                .containsEntry("onTimeOrEarlyShare", 0.85)
                .containsEntry("medianWorkingDays", 2.0)
                .containsEntry("withheld", null);
        assertThat(part(record, "satisfaction"))
                .containsEntry("ratings", 10)
                .containsEntry("minimum", 10)
                .containsEntry("satisfied", 9)
                .containsEntry("satisfiedShare", 0.9)
                .containsEntry("withheld", null);
    }

    @Test
    void withholdsEachFigureBelowItsMinimumWithItsReason() {
        Map<String, Object> record = record(point("W00004"));

        assertThat(part(record, "timeliness"))
                .containsEntry("finished", 19)
                .containsEntry("onTimeOrEarly", null)
                .containsEntry("onTimeOrEarlyShare", null)
                .containsEntry("medianWorkingDays", null)
                .containsEntry("withheld", "TOO_FEW_FINISHED");
        assertThat(part(record, "satisfaction"))
                .containsEntry("ratings", 9)
                .containsEntry("satisfied", null)
                .containsEntry("satisfiedShare", null)
                .containsEntry("withheld", "TOO_FEW_RATINGS");
        // a point without any dossier: zero counts, the window still given
        assertThat(record(point("W00091"))).containsEntry("received", 0).containsEntry("windowTo", today().toString());
    }

    @Test
    void addsRecordsToTheListOnlyWhenAsked() {
        List<Map<String, Object>> plain = points(get("/api/v1/points?ward=00070"));
        List<Map<String, Object>> withRecords = points(get("/api/v1/points?ward=00070&record=true"));

        assertThat(plain)
                .isNotEmpty()
                .allSatisfy(point -> assertThat(point.keySet()).isEqualTo(POINT_KEYS));
        assertThat(points(get("/api/v1/points?ward=00070&record=false")))
                .allSatisfy(point -> assertThat(point.keySet()).isEqualTo(POINT_KEYS));
        assertThat(withRecords).hasSameSizeAs(plain).allSatisfy(point -> {
            assertThat(point.keySet())
                    .containsAll(POINT_KEYS)
                    .contains("record")
                    .hasSize(POINT_KEYS.size() + 1);
            assertThat(record(point).keySet()).isEqualTo(RECORD_KEYS);
        });
    }

    @Test
    void addsRecordsToTheNearestAnswerOnlyWhenAsked() {
        Map<String, Object> plain = get(NEAR_HOAN_KIEM);
        Map<String, Object> withRecords = get(NEAR_HOAN_KIEM + "&record=TRUE");

        assertThat(plain.keySet()).isEqualTo(withRecords.keySet());
        assertThat(points(plain)).allSatisfy(point -> assertThat(point.keySet()).isEqualTo(NEARBY_KEYS));
        assertThat(points(withRecords)).allSatisfy(point -> {
            assertThat(point.keySet())
                    .containsAll(NEARBY_KEYS)
                    .contains("record")
                    .hasSize(NEARBY_KEYS.size() + 1);
            assertThat(record(point).keySet()).isEqualTo(RECORD_KEYS);
        });
    }

    @Test
    void refusesAnOptionThatIsNeitherTrueNorFalseNamingEveryBadParameter() {
        web.get()
                .uri("/api/v1/points?record=yes")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("record");
        web.get()
                .uri("/api/v1/points/nearest?lat=91&lon=105.85&record=1")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].name")
                .value(names -> assertThat((List<String>) names).containsExactly("lat", "record"));
    }

    @Test
    void showsNothingAboutAnyDossierOrPerson() {
        String answers = text("/api/v1/points/W00070")
                + text("/api/v1/points?record=true")
                + text(NEAR_HOAN_KIEM + "&record=true");

        assertThat(answers)
                .doesNotContain(AgentDossiers.APPLICANT, "001099", aCode, "REC1.1", COMMENT, "Trần Thị Bích");
        aroundTheGateway()
                .get()
                .uri("/api/v1/points/W00070")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /**
     * W00070: 21 received, 20 finished two working days after receipt (17 early, 3 late), 10 rated
     * (9 of them 4 or 5). W00004: 19 finished, 9 rated: each just below its minimum.
     */
    private void fileTheDossiers() {
        AgentDossiers agent = new AgentDossiers(as(TestIdentityTokens.system("records-api")), "REC1.1");
        LocalDateTime monday = LocalDateTime.now(clock.withZone(WorkingCalendar.ZONE))
                .toLocalDate()
                .with(DayOfWeek.MONDAY)
                .minusWeeks(2)
                .atTime(9, 0);
        for (int i = 0; i < 20; i++) {
            String code = finished(agent, "W00070", "0010992000" + (10 + i), monday, i < 17);
            if (i < 10) {
                rate("0010992000" + (10 + i), code, i < 9 ? 5 : 2);
            }
            aCode = code;
        }
        String running = agent.file("W00070", "001099200099", at(monday), at(monday.plusDays(4)));
        agent.move(running, 4, at(monday.plusMinutes(1)));
        for (int i = 0; i < 19; i++) {
            String code = finished(agent, "W00004", "0010993000" + (10 + i), monday, true);
            if (i < 9) {
                rate("0010993000" + (10 + i), code, 4);
            }
        }
    }

    /** Received Monday 09:00, ready Wednesday 09:00: due Friday (early) or Tuesday (late). */
    private String finished(AgentDossiers agent, String point, String citizen, LocalDateTime monday, boolean early) {
        String code = agent.file(
                point, citizen, at(monday), at(monday.plusDays(early ? 4 : 1).withHour(17)));
        agent.move(code, 4, at(monday.plusMinutes(1)));
        agent.move(code, 9, at(monday.plusDays(2)));
        return code;
    }

    private void rate(String citizen, String code, int score) {
        as(TestIdentityTokens.citizen(citizen))
                .post()
                .uri("/api/v1/me/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("score", score, "comment", COMMENT))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private Map<String, Object> point(String id) {
        return get("/api/v1/points/" + id);
    }

    private Map<String, Object> get(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private String text(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private java.time.LocalDate today() {
        return store.of("W00070").windowTo();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("points");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> point) {
        return (Map<String, Object>) point.get("record");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> record, String name) {
        return (Map<String, Object>) record.get(name);
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(WorkingCalendar.ZONE).toInstant();
    }
}
