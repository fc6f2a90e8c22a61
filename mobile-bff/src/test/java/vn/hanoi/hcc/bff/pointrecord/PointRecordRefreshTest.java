package vn.hanoi.hcc.bff.pointrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import vn.hanoi.hcc.bff.dossier.web.AgentDossiers;
import vn.hanoi.hcc.bff.pointrecord.FinishedDossier.Pause;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The refresh across replicas: one at a time computes and writes, every one reads what was written;
 * a replica that dies holding the claim holds it only for its lease, and its late result is refused.
 */
class PointRecordRefreshTest extends RecordsDatabaseTest {

    @Autowired
    private Clock clock;

    @Test
    void oneReplicaAtATimeRefreshesAndEveryReplicaReadsWhatItWrote() {
        List<PointRecordStore> stores = List.of(store(), store(), store(), store());
        List<PointRecordRefresher> replicas = stores.stream()
                .map(itsStore -> replica(Duration.ofHours(1), Duration.ofMinutes(1), itsStore))
                .toList();
        long before = repository.generation().block(SOON);

        List<Boolean> won = Flux.merge(replicas.stream()
                        .map(PointRecordRefresher::refreshIfDue)
                        .toList())
                .collectList()
                .block(SOON);

        assertThat(won).containsExactlyInAnyOrder(true, false, false, false);
        assertThat(repository.generation().block(SOON)).isEqualTo(before + 1);
        // refreshed a moment ago: not due again before refresh-every
        assertThat(replicas.get(0).refreshIfDue().block(SOON)).isFalse();
        Flux.merge(replicas.stream().map(PointRecordRefresher::tick).toList()).blockLast(SOON);
        assertThat(stores).allSatisfy(itsStore -> {
            assertThat(itsStore.generation()).isEqualTo(before + 1);
            assertThat(itsStore.of("W00070").computedAt()).isNotNull();
        });
    }

    @Test
    void aClaimHeldByAReplicaThatDiedLastsOnlyItsLeaseAndItsLateResultIsRefused() {
        UUID died = UUID.randomUUID();
        Instant claimedAt =
                repository.claim(died, Duration.ZERO, Duration.ofSeconds(1)).block(SOON);
        PointRecordRefresher other = replica(Duration.ZERO, Duration.ofMinutes(1), store());

        assertThat(claimedAt).isNotNull();
        assertThat(other.refreshIfDue().block(SOON)).isFalse();
        await().atMost(SOON).until(() -> other.refreshIfDue().block(SOON));
        assertThat(repository
                        .settle(died, claimedAt.minus(RecordFigures.WINDOW), claimedAt)
                        .block(SOON))
                .isNull();
    }

    @Test
    void readsTheTimeWaitingForTheCitizenFromTheTimeline() {
        AgentDossiers agent = new AgentDossiers(as(TestIdentityTokens.system("records-refresh")), "REC2.1");
        // a Monday three weeks back, 09:00: two working days to the result, one of them waiting for documents
        LocalDateTime monday = LocalDateTime.now(clock.withZone(WorkingCalendar.ZONE))
                .toLocalDate()
                .with(java.time.DayOfWeek.MONDAY)
                .minusWeeks(3)
                .atTime(9, 0);
        Instant received = at(monday);
        String code = agent.file("W00103", "001099000001", received, at(monday.plusDays(4)));
        agent.move(code, 4, at(monday.plusMinutes(1)));
        agent.move(code, 5, at(monday.withHour(13)));
        agent.move(code, 4, at(monday.plusDays(1).withHour(13)));
        agent.move(code, 9, at(monday.plusDays(2)));

        FinishedDossier dossier = repository
                .finished(received.minus(Duration.ofDays(1)), clock.instant())
                .filter(finished -> finished.receivedAt().equals(received))
                .blockLast(SOON);

        assertThat(dossier.pauses())
                .containsExactly(
                        new Pause(at(monday.withHour(13)), at(monday.plusDays(1).withHour(13))));
        WorkingCalendar noHolidays = new WorkingCalendar(java.util.Set.of());
        assertThat(dossier.workingTime(noHolidays)).isEqualTo(Duration.ofHours(8));
        assertThat(dossier.onTimeOrEarly()).isTrue();
    }

    private PointRecordStore store() {
        return new PointRecordStore(repository, clock);
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(WorkingCalendar.ZONE).toInstant();
    }
}
