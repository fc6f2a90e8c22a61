package vn.hanoi.hcc.bff.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hcc.bff.push.*}: the dispatcher of the push outbox.
 *
 * @param enabled       whether this replica dispatches (every replica may: claims never overlap)
 * @param pollInterval  how often the outbox is looked at when it was found empty
 * @param batchSize     messages claimed and sent at once (FCM's sendEach takes up to 500)
 * @param lease         how long a claim holds: a dispatcher that dies after claiming loses its
 *                      messages to another one (or to itself, restarted) after this
 * @param sendTimeout   the longest a batch may take at FCM before its messages are retried
 * @param maxAttempts   attempts before a message is dead-lettered
 * @param firstBackoff  the wait before the second attempt; doubled at each further one, with jitter
 * @param maxBackoff    the longest wait between attempts
 * @param timeToLive    how long FCM and the platforms keep a message for a phone that is offline
 * @param deviceMaxIdle how long a token may go without being registered again before it is forgotten
 * @param pruneInterval how often idle tokens are looked for
 * @param firebase      the service account; without one, pushes are logged, not sent
 */
@Validated
@ConfigurationProperties("hcc.bff.push")
public record PushProperties(
        boolean enabled,
        @NotNull Duration pollInterval,
        @Min(1) @Max(500) int batchSize,
        @NotNull Duration lease,
        @NotNull Duration sendTimeout,
        @Min(1) @Max(50) int maxAttempts,
        @NotNull Duration firstBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration timeToLive,
        @NotNull Duration deviceMaxIdle,
        @NotNull Duration pruneInterval,
        @NotNull Firebase firebase) {

    /** A batch must be answered (or given up) before its claim runs out, or it could be sent twice. */
    @AssertTrue(message = "send-timeout must be shorter than lease")
    public boolean isSendTimeoutWithinLease() {
        return sendTimeout == null || lease == null || sendTimeout.compareTo(lease) < 0;
    }

    /**
     * @param credentialsFile a service-account JSON file (a Kubernetes Secret mounted as a file)
     * @param credentialsJson the service-account JSON itself (a Secret passed as an environment
     *                        variable), when no file is given; both blank: the logging sender stands in
     * @param projectId       the Firebase project, when the credentials do not name it
     * @param endpoint        where FCM's HTTP v1 API is reached instead of Google's (a local fake FCM
     *                        for benchmarks and fault drills); blank in production
     */
    public record Firebase(String credentialsFile, String credentialsJson, String projectId, URI endpoint) {

        public boolean configured() {
            return fromFile() || (credentialsJson != null && !credentialsJson.isBlank());
        }

        /** Whether the credentials come from a file (else from {@code credentialsJson}). */
        public boolean fromFile() {
            return credentialsFile != null && !credentialsFile.isBlank();
        }

        /** Never the credentials themselves: this may be logged. */
        @Override
        public String toString() {
            return "Firebase[credentialsFile=" + credentialsFile + ", credentialsJson="
                    + (credentialsJson == null || credentialsJson.isBlank() ? "unset" : "(set)") + ", projectId="
                    + projectId + ", endpoint=" + endpoint + "]";
        }

        /** Whether FCM is reached somewhere other than Google's own endpoint. */
        public boolean redirected() {
            return endpoint != null && !endpoint.toString().isBlank();
        }
    }
}
