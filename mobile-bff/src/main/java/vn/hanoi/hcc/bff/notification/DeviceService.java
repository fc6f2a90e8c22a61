package vn.hanoi.hcc.bff.notification;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * A citizen's phones. Registering is idempotent and refreshes the token's last use; a token
 * registered by another citizen moves to them (one phone, one signed-in person), and the pushes
 * still waiting for it on the former owner's behalf are dropped, so that the phone's new user never
 * sees someone else's dossier. A citizen has at most {@code hcc.bff.devices.max-per-citizen}
 * devices: one more forgets the one least recently registered. A device is named by its id, never
 * by its token, outside the registration's body; a device that is forgotten (unregistered or
 * evicted) gets none of its waiting pushes either.
 */
@Service
public class DeviceService {

    private final DeviceRepository devices;
    private final PersonalDataHasher hasher;
    private final DeviceProperties properties;
    private final TransactionalOperator transactions;

    DeviceService(
            DeviceRepository devices,
            PersonalDataHasher hasher,
            DeviceProperties properties,
            ReactiveTransactionManager transactionManager) {
        this.devices = devices;
        this.hasher = hasher;
        this.properties = properties;
        this.transactions = TransactionalOperator.create(transactionManager);
    }

    /**
     * A device as registered.
     *
     * @param id what the app names it by from now on
     * @param created whether the token is new (else it was known, and is now this citizen's)
     */
    public record RegisteredDevice(UUID id, boolean created) {}

    public Mono<RegisteredDevice> register(String citizenId, String token, String platform, String locale) {
        String citizen = hasher.citizenRef(citizenId);
        // one registration of a citizen at a time, so that the cap holds exactly
        return transactions.transactional(devices.lockCitizen(citizen)
                .then(devices.upsert(citizen, token, platform, locale))
                .flatMap(registered -> devices.forgetBeyond(citizen, token, properties.maxPerCitizen())
                        .thenReturn(registered)));
    }

    /** Forgets one of the citizen's devices; someone else's or an unknown id is not found. */
    public Mono<Void> unregister(String citizenId, UUID id) {
        return devices.forget(hasher.citizenRef(citizenId), id)
                .flatMap(deleted -> deleted == 0
                        ? Mono.error(new ResourceNotFoundException("device", id.toString()))
                        : Mono.empty());
    }

    /** The last characters of a token, enough to tell which one without repeating it. */
    static String tail(String token) {
        return token.length() <= 6 ? token : token.substring(token.length() - 6);
    }
}
