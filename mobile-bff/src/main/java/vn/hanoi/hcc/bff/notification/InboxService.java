package vn.hanoi.hcc.bff.notification;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/** A citizen's in-app inbox: every notification, devices or not. */
@Service
public class InboxService {

    private final NotificationRepository notifications;
    private final PersonalDataHasher hasher;

    InboxService(NotificationRepository notifications, PersonalDataHasher hasher) {
        this.notifications = notifications;
        this.hasher = hasher;
    }

    /** One page, newest first; only the unread ones when asked. */
    public Mono<InboxPage> page(String citizenId, int page, int size, boolean unreadOnly) {
        String citizen = hasher.citizenRef(citizenId);
        return Mono.zip(notifications.findPage(citizen, page, size, unreadOnly), notifications.count(citizen))
                .map(found -> new InboxPage(
                        found.getT1(),
                        page,
                        size,
                        unreadOnly ? found.getT2().unread() : found.getT2().total(),
                        found.getT2().unread()));
    }

    /** Marks one of the citizen's notifications read (again is fine); someone else's is not found. */
    public Mono<Void> markRead(String citizenId, long id) {
        return notifications
                .markRead(hasher.citizenRef(citizenId), id)
                .flatMap(updated -> updated == 0
                        ? Mono.error(new ResourceNotFoundException("notification", Long.toString(id)))
                        : Mono.empty());
    }

    /** Marks all of the citizen's notifications read; the number that were unread. */
    public Mono<Long> markAllRead(String citizenId) {
        return notifications.markAllRead(hasher.citizenRef(citizenId));
    }
}
