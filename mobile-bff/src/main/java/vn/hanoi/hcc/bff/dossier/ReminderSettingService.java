package vn.hanoi.hcc.bff.dossier;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Whether a dossier's owner gets reminders about it (a result not collected, an action awaited):
 * on unless they turned them off. The choice is the owner's alone; anyone else's attempt reads as
 * an unknown dossier. Kept beside the dossier, not in it, so that it never touches the dossier's
 * version, its cache or its change feed.
 */
@Service
public class ReminderSettingService {

    private final DossierQueryService dossiers;
    private final ReminderSettingRepository settings;

    ReminderSettingService(DossierQueryService dossiers, ReminderSettingRepository settings) {
        this.dossiers = dossiers;
        this.settings = settings;
    }

    /** Turns the caller's dossier's reminders on or off; 404 unless the caller owns it. */
    public Mono<Boolean> set(String code, String citizenId, boolean enabled) {
        return dossiers.forOwner(code, citizenId)
                .flatMap(record -> settings.set(record.dossier().id(), enabled))
                .thenReturn(enabled);
    }

    /**
     * Whether reminders are on for the dossier with this code. It does not check the owner: the
     * caller reads it beside the owner's dossier ({@code forOwner}), at the same time, and uses it
     * only if that is found.
     */
    public Mono<Boolean> enabled(String code) {
        return settings.optedOut(code).map(off -> !off);
    }

    /** The ids, among these dossiers, of those whose reminders are off. */
    public Mono<Set<Long>> optedOut(List<Dossier> page) {
        return settings.optedOutAmong(page.stream().map(Dossier::id).toList());
    }
}
