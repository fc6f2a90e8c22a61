package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.cache.RedisSignals;

/**
 * Other replicas follow a change of the network: through the Redis signal within a second or so,
 * and through the periodic version check when the signal is lost. A "replica" here is a second
 * index with its own refresher over the same database and Redis.
 */
class PointIndexReplicaTest extends BffIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Autowired
    private PointNetworkRepository repository;

    @Autowired
    private RedisSignals signals;

    @Autowired
    private PointIndexProperties properties;

    @Autowired
    private DatabaseClient db;

    private PointIndexRefresher running;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        NetworkDatabase.register(registry);
    }

    @AfterEach
    void reopenAndStop() {
        db.sql("UPDATE service_point SET active = true WHERE id = 'W00070'")
                .fetch()
                .rowsUpdated()
                .block(SOON);
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void aReplicaFollowsTheSignalWithoutWaitingForItsPeriodicCheck() {
        PointIndex replica = replica(new PointIndexProperties(properties.signalChannel(), Duration.ofHours(1)));
        long before = replica.snapshot().block(SOON).version();

        closeTheHoanKiemWardPoint();
        signals.publish(properties.signalChannel(), "changed").block(SOON);

        await().atMost(SOON).untilAsserted(() -> {
            PointSnapshot snapshot = replica.snapshot().block(SOON);
            assertThat(snapshot.version()).isGreaterThan(before);
            assertThat(snapshot.points()).extracting(ServicePoint::id).doesNotContain("W00070");
        });
    }

    @Test
    void aReplicaThatMissedTheSignalCatchesUpAtItsPeriodicCheck() {
        PointIndex replica =
                replica(new PointIndexProperties("hcc:points:nobody-publishes-here", Duration.ofMillis(500)));
        long before = replica.snapshot().block(SOON).version();

        closeTheHoanKiemWardPoint();

        await().atMost(SOON).untilAsserted(() -> {
            PointSnapshot snapshot = replica.snapshot().block(SOON);
            assertThat(snapshot.version()).isGreaterThan(before);
            assertThat(snapshot.points()).extracting(ServicePoint::id).doesNotContain("W00070");
        });
    }

    private PointIndex replica(PointIndexProperties settings) {
        PointIndex replica = new PointIndex(repository);
        running = new PointIndexRefresher(replica, signals, settings);
        running.start();
        await().atMost(SOON).until(replica::isLoaded);
        return replica;
    }

    private void closeTheHoanKiemWardPoint() {
        // as another replica, or a migration, would: straight to the database, no announcement
        db.sql("UPDATE service_point SET active = false WHERE id = 'W00070'")
                .fetch()
                .rowsUpdated()
                .block(SOON);
    }
}
