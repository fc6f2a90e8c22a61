package vn.hanoi.hcc.bff.point;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The Center's changes to the point network; every one bumps the network's version (V5 triggers). */
@Repository
class PointAdminRepository {

    private static final String UPSERT = """
            INSERT INTO service_point (id, type, name, search_name, address, ward_code, branch_group, lat, lon,
                                       coordinate_quality, opening_hours, note, source, active)
            SELECT :id, :type, :name, :searchName, :address, w.code, w.branch_group, :lat, :lon,
                   :quality, CAST(:hours AS jsonb), :note, :source, :active
            FROM ward w WHERE w.code = :ward
            ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name,
                search_name = EXCLUDED.search_name, address = EXCLUDED.address, ward_code = EXCLUDED.ward_code,
                branch_group = EXCLUDED.branch_group, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
                coordinate_quality = EXCLUDED.coordinate_quality, opening_hours = EXCLUDED.opening_hours,
                note = EXCLUDED.note, source = EXCLUDED.source, active = EXCLUDED.active, updated_at = now()
            RETURNING (xmax = 0) AS created
            """;

    private final DatabaseClient db;
    private final JsonMapper json;

    PointAdminRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Creates or replaces the point: whether it was created; empty when the ward does not exist. */
    Mono<Boolean> upsert(String id, PointDraft draft, String source) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(UPSERT)
                .bind("id", id)
                .bind("type", draft.type().name())
                .bind("name", draft.name())
                .bind("searchName", SearchText.fold(draft.name()))
                .bind("ward", draft.wardCode())
                .bind("lat", draft.lat())
                .bind("lon", draft.lon())
                .bind("quality", draft.coordinateQuality().code())
                .bind("hours", json.writeValueAsString(draft.openingHours().weekly()))
                .bind("source", source)
                .bind("active", draft.active());
        spec = draft.address() == null ? spec.bindNull("address", String.class) : spec.bind("address", draft.address());
        spec = draft.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", draft.note());
        return spec.map(row -> Boolean.TRUE.equals(row.get("created", Boolean.class)))
                .one();
    }

    Flux<Holiday> holidays(int year) {
        return db.sql("SELECT day, name, source FROM public_holiday WHERE day BETWEEN :from AND :to ORDER BY day")
                .bind("from", LocalDate.of(year, 1, 1))
                .bind("to", LocalDate.of(year, 12, 31))
                .map(row -> new Holiday(
                        row.get("day", LocalDate.class),
                        row.get("name", String.class),
                        row.get("source", String.class)))
                .all();
    }

    /** Creates or renames the holiday: whether it was created. */
    Mono<Boolean> putHoliday(Holiday holiday) {
        return db.sql("""
                        INSERT INTO public_holiday (day, name, source) VALUES (:day, :name, :source)
                        ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name, source = EXCLUDED.source,
                            updated_at = now()
                        RETURNING (xmax = 0) AS created""")
                .bind("day", holiday.day())
                .bind("name", holiday.name())
                .bind("source", holiday.source())
                .map(row -> Boolean.TRUE.equals(row.get("created", Boolean.class)))
                .one();
    }

    Mono<Long> deleteHoliday(LocalDate day) {
        return db.sql("DELETE FROM public_holiday WHERE day = :day")
                .bind("day", day)
                .fetch()
                .rowsUpdated();
    }
}
