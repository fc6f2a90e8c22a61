package vn.hanoi.hcc.bff.point;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/** Reads the whole point network (points, holidays, fields and their version) in one consistent snapshot. */
@Repository
class PointNetworkRepository {

    private final DatabaseClient db;
    private final PointRepository points;
    private final TransactionalOperator repeatableRead;

    PointNetworkRepository(DatabaseClient db, PointRepository points, ReactiveTransactionManager transactions) {
        this.db = db;
        this.points = points;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.repeatableRead = TransactionalOperator.create(transactions, definition);
    }

    /** The network's current version. */
    Mono<Long> version() {
        return db.sql("SELECT version FROM point_network")
                .map(row -> row.get("version", Long.class))
                .one();
    }

    /** Everything the index needs, read in one repeatable-read transaction so that the version matches. */
    Mono<PointSnapshot> load() {
        Mono<PointSnapshot> snapshot = version()
                .flatMap(version -> points.findActive(PointFilter.NONE)
                        .collectList()
                        .flatMap(active -> holidays()
                                .flatMap(holidays ->
                                        fields().map(fields -> new PointSnapshot(version, active, holidays, fields)))));
        return repeatableRead.transactional(snapshot);
    }

    private Mono<Set<LocalDate>> holidays() {
        return db.sql("SELECT day FROM public_holiday")
                .map(row -> row.get("day", LocalDate.class))
                .all()
                .collect(Collectors.toSet());
    }

    private Mono<List<ProcedureField>> fields() {
        return db.sql("SELECT code, name_vi, name_en, point_types FROM procedure_field")
                .map(row -> new ProcedureField(
                        row.get("code", String.class),
                        row.get("name_vi", String.class),
                        row.get("name_en", String.class),
                        types(row.get("point_types", String[].class))))
                .all()
                .collectList();
    }

    private static EnumSet<PointType> types(String[] names) {
        EnumSet<PointType> types = EnumSet.noneOf(PointType.class);
        Arrays.stream(Optional.ofNullable(names).orElse(new String[0]))
                .map(PointType::valueOf)
                .forEach(types::add);
        return types;
    }
}
