package vn.hanoi.hcc.bff.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ConflictException;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.point.PointService;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * Files dossiers for the city system (which may bring its own code) and agents (who get a code
 * <agency>-YYMMDD-NNNN, numbered per agency and day in Hanoi). The dossier and its first timeline
 * entry are written in one transaction.
 */
@Service
public class DossierFilingService {

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int GENERATED_CODE_ATTEMPTS = 5;

    private final DossierRepository repository;
    private final PersonalDataHasher hasher;
    private final DossierCache cache;
    private final TransactionalOperator transactions;
    private final PointService points;

    DossierFilingService(
            DossierRepository repository,
            PersonalDataHasher hasher,
            DossierCache cache,
            ReactiveTransactionManager transactionManager,
            PointService points) {
        this.repository = repository;
        this.points = points;
        this.hasher = hasher;
        this.cache = cache;
        this.transactions = TransactionalOperator.create(transactionManager);
    }

    public Mono<FiledDossier> file(NewDossier dossier, Caller client) {
        String applicantRef = hasher.citizenRef(dossier.applicantCitizenId());
        return points.get(dossier.receivingPointId())
                .onErrorMap(
                        ResourceNotFoundException.class,
                        unknown -> InvalidRequestException.of("receivingPointId", "is not a service point"))
                .then(LookupSecrets.generate())
                .flatMap(secret -> transactions.transactional(insert(
                                dossier, applicantRef, secret, client.subject(), GENERATED_CODE_ATTEMPTS)
                        .flatMap(filed -> recordFiling(filed, client).thenReturn(new FiledDossier(filed, secret)))))
                .flatMap(filed -> cache.evict(
                                filed.dossier().code(), filed.dossier().version())
                        .thenReturn(filed));
    }

    private Mono<Dossier> insert(NewDossier dossier, String applicantRef, String secret, String client, int attempts) {
        Mono<String> code = dossier.code() != null ? Mono.just(dossier.code()) : generatedCode(dossier);
        return code.flatMap(chosen -> repository
                .insert(dossier, chosen, applicantRef, hasher.lookupSecretHash(chosen, secret), client)
                .switchIfEmpty(Mono.defer(() -> {
                    if (dossier.code() != null) {
                        return Mono.error(new ConflictException("A dossier with code " + chosen + " exists"));
                    }
                    // a code the city system chose took our number: take the next one
                    return attempts > 1
                            ? insert(dossier, applicantRef, secret, client, attempts - 1)
                            : Mono.error(new ConflictException("No free code for " + dossier.agencyCode() + " today"));
                })));
    }

    private Mono<String> generatedCode(NewDossier dossier) {
        LocalDate day = dossier.receivedAt().atZone(TimingClass.ZONE).toLocalDate();
        return repository
                .nextCodeNumber(dossier.agencyCode(), day)
                .map(number ->
                        dossier.agencyCode() + "-" + CODE_DATE.format(day) + "-" + String.format("%04d", number));
    }

    private Mono<Long> recordFiling(Dossier filed, Caller client) {
        DossierEventCommand filing = new DossierEventCommand(
                "filed:" + filed.code(), filed.status(), filed.receivedAt(), filed.agencyCode(), null, null, null);
        return repository.insertEvent(
                filed, client.subject(), filing, EventKind.FILED, true, EventFingerprint.of(filed.code(), filing));
    }
}
