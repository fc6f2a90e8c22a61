package vn.hanoi.hcc.bff.notification;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseException;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import com.google.firebase.messaging.WebpushConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.dossier.DossierStatus;

/**
 * Sends through the Firebase Admin SDK ({@code sendEachAsync}: the SDK's own threads do the HTTP,
 * the event loop only waits for the future). Every FCM answer is sorted into a {@link PushOutcome}:
 * dead tokens (UNREGISTERED, SENDER_ID_MISMATCH, an invalid token), passing failures (QUOTA_EXCEEDED,
 * UNAVAILABLE, INTERNAL, timeouts, broken connections; with FCM's {@code Retry-After}), and refused
 * credentials.
 */
public class FcmPushSender implements PushSender {

    private final FirebaseMessaging messaging;
    private final Duration timeToLive;
    private final Duration sendTimeout;
    private final Clock clock;

    public FcmPushSender(FirebaseMessaging messaging, PushProperties properties, Clock clock) {
        this.messaging = messaging;
        this.timeToLive = properties.timeToLive();
        this.sendTimeout = properties.sendTimeout();
        this.clock = clock;
    }

    @Override
    public Mono<List<PushOutcome>> send(List<PushMessage> messages) {
        List<Message> batch = messages.stream().map(this::toMessage).toList();
        // the SDK builds its client and serialises the messages on the calling thread (reading its
        // own resources the first time): not an event loop's work
        return Mono.defer(() -> fromFuture(messaging.sendEachAsync(batch)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(FcmPushSender::outcomes)
                .timeout(sendTimeout)
                .onErrorResume(failure -> Mono.just(
                        messages.stream().map(message -> whole(failure)).toList()));
    }

    Message toMessage(PushMessage message) {
        NotificationTexts.Text text = NotificationTexts.of(
                message.event(),
                DossierStatus.of(message.status()),
                message.dossierCode(),
                message.dueAt(),
                message.english());
        String expiresAt = Long.toString(clock.instant().plus(timeToLive).getEpochSecond());
        return Message.builder()
                .setToken(message.token())
                .setNotification(Notification.builder()
                        .setTitle(text.title())
                        .setBody(text.body())
                        .build())
                .putAllData(PushData.of(message).asMap())
                // one visible notification per dossier: a newer one replaces the older on the phone
                .setAndroidConfig(AndroidConfig.builder()
                        .setCollapseKey(message.dossierCode())
                        .setTtl(timeToLive.toMillis())
                        .setPriority(AndroidConfig.Priority.HIGH)
                        .setNotification(AndroidNotification.builder()
                                .setTag(message.dossierCode())
                                .build())
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-collapse-id", message.dossierCode())
                        .putHeader("apns-expiration", expiresAt)
                        .setAps(Aps.builder().setSound("default").build())
                        .build())
                .setWebpushConfig(WebpushConfig.builder()
                        .putHeader("TTL", Long.toString(timeToLive.toSeconds()))
                        .putHeader("Urgency", "high")
                        .build())
                .build();
    }

    private static Mono<BatchResponse> fromFuture(ApiFuture<BatchResponse> future) {
        return Mono.<BatchResponse>create(sink -> {
            ApiFutures.addCallback(
                    future,
                    new ApiFutureCallback<>() {
                        @Override
                        public void onFailure(Throwable failure) {
                            sink.error(failure);
                        }

                        @Override
                        public void onSuccess(BatchResponse response) {
                            sink.success(response);
                        }
                    },
                    MoreExecutors.directExecutor());
            sink.onCancel(() -> future.cancel(true));
        });
    }

    private static List<PushOutcome> outcomes(BatchResponse batch) {
        List<PushOutcome> outcomes = new ArrayList<>(batch.getResponses().size());
        for (SendResponse response : batch.getResponses()) {
            outcomes.add(
                    response.isSuccessful()
                            ? PushOutcome.sent(response.getMessageId())
                            : classify(response.getException()));
        }
        return outcomes;
    }

    /** The outcome of a failure that hit the whole batch. */
    private static PushOutcome whole(Throwable failure) {
        if (failure instanceof FirebaseException firebase) {
            return classify(firebase);
        }
        if (failure instanceof TimeoutException) {
            return PushOutcome.failed(PushOutcome.Kind.RETRY, "no answer from FCM in time", null);
        }
        return PushOutcome.failed(
                PushOutcome.Kind.RETRY,
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                null);
    }

    static PushOutcome classify(FirebaseException failure) {
        MessagingErrorCode messaging =
                failure instanceof FirebaseMessagingException fcm ? fcm.getMessagingErrorCode() : null;
        ErrorCode platform = failure.getErrorCode();
        String error = (messaging != null ? messaging.name() : String.valueOf(platform))
                + (failure.getHttpResponse() != null
                        ? " (HTTP " + failure.getHttpResponse().getStatusCode() + ")"
                        : "");
        if (messaging == MessagingErrorCode.UNREGISTERED
                || messaging == MessagingErrorCode.SENDER_ID_MISMATCH
                || messaging == MessagingErrorCode.INVALID_ARGUMENT
                || (messaging == null && (platform == ErrorCode.INVALID_ARGUMENT || platform == ErrorCode.NOT_FOUND))) {
            return PushOutcome.failed(PushOutcome.Kind.TOKEN_GONE, error, null);
        }
        if (messaging == MessagingErrorCode.THIRD_PARTY_AUTH_ERROR
                || platform == ErrorCode.UNAUTHENTICATED
                || platform == ErrorCode.PERMISSION_DENIED) {
            return PushOutcome.failed(PushOutcome.Kind.AUTH, error, null);
        }
        return PushOutcome.failed(PushOutcome.Kind.RETRY, error, retryAfter(failure));
    }

    /** FCM's Retry-After in seconds (the only form it sends), or null. */
    private static Duration retryAfter(FirebaseException failure) {
        if (failure.getHttpResponse() == null) {
            return null;
        }
        Object header = failure.getHttpResponse().getHeaders().get("retry-after");
        Object value = header instanceof List<?> values && !values.isEmpty() ? values.get(0) : header;
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.toString().trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
