package vn.hanoi.hcc.bff.point;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads service points from PostgreSQL over R2DBC. */
@Repository
class PointRepository {

    private static final String SELECT = """
            SELECT p.id, p.type, p.name, p.address, p.ward_code, w.name AS ward_name, p.branch_group,
                   p.lat, p.lon, p.coordinate_quality, p.opening_hours::text AS opening_hours, p.note, p.active
            FROM service_point p LEFT JOIN ward w ON w.code = p.ward_code
            """;
    private static final String TYPE_ORDER = Arrays.stream(PointType.values())
            .map(type -> "'" + type.name() + "'")
            .collect(Collectors.joining(",", "array_position(ARRAY[", "]::text[], p.type)"));
    private static final TypeReference<List<OpeningHours.Interval>> INTERVALS = new TypeReference<>() {};

    private final DatabaseClient db;
    private final JsonMapper json;

    PointRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Active points matching the filter, HQ first, then branches, reception and ward points. */
    Flux<ServicePoint> findActive(PointFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("p.active"));
        filter.type().ifPresent(type -> conditions.add("p.type = :type"));
        filter.wardCode().ifPresent(ward -> conditions.add("p.ward_code = :ward"));
        filter.search().ifPresent(search -> conditions.add("p.search_name LIKE :pattern ESCAPE '\\'"));
        String sql = SELECT + " WHERE " + String.join(" AND ", conditions) + " ORDER BY " + TYPE_ORDER + ", p.id";

        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (filter.type().isPresent()) {
            spec = spec.bind("type", filter.type().get().name());
        }
        if (filter.wardCode().isPresent()) {
            spec = spec.bind("ward", filter.wardCode().get());
        }
        if (filter.search().isPresent()) {
            spec = spec.bind("pattern", "%" + escapeLike(filter.search().get()) + "%");
        }
        return spec.map(this::toPoint).all();
    }

    /** The point with this id, active or not. */
    Mono<ServicePoint> findById(String id) {
        return db.sql(SELECT + " WHERE p.id = :id")
                .bind("id", id)
                .map(this::toPoint)
                .one();
    }

    private ServicePoint toPoint(Readable row) {
        return new ServicePoint(
                row.get("id", String.class),
                PointType.valueOf(row.get("type", String.class)),
                row.get("name", String.class),
                row.get("address", String.class),
                row.get("ward_code", String.class),
                row.get("ward_name", String.class),
                row.get("branch_group", String.class),
                row.get("lat", Double.class),
                row.get("lon", Double.class),
                CoordinateQuality.fromCode(row.get("coordinate_quality", String.class)),
                new OpeningHours(json.readValue(row.get("opening_hours", String.class), INTERVALS)),
                row.get("note", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
