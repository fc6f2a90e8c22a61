package vn.hanoi.hcc.bff.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.geo.GeoJsonMultiPolygon;

/** Reads the wards GeoJSON (a FeatureCollection of MultiPolygons, WGS84, [lon, lat]). */
final class WardGeoJsonReader {

    private final JsonMapper json;

    WardGeoJsonReader(JsonMapper json) {
        this.json = json;
    }

    List<SeedWard> read(InputStream geoJson) throws IOException {
        FeatureCollection collection = json.readValue(geoJson, FeatureCollection.class);
        return collection.features().stream().map(this::toWard).toList();
    }

    private SeedWard toWard(Feature feature) {
        WardProperties ward = feature.properties();
        return new SeedWard(
                ward.code(),
                ward.name(),
                ward.fullName(),
                kind(ward.type()),
                ward.population(),
                ward.areaKm2(),
                ward.lat(),
                ward.lon(),
                ward.branchGroup(),
                ward.hqAddress(),
                json.writeValueAsString(feature.geometry()),
                feature.geometry().toGeometry());
    }

    private static String kind(String vietnameseType) {
        return switch (vietnameseType) {
            case "Phường" -> "PHUONG";
            case "Xã" -> "XA";
            default -> throw new IllegalStateException("Unknown ward type " + vietnameseType);
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeatureCollection(List<Feature> features) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feature(WardProperties properties, GeoJsonMultiPolygon geometry) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WardProperties(
            String code,
            String name,
            String type,
            @JsonProperty("full_name") String fullName,
            double lat,
            double lon,
            @JsonProperty("area_km2") double areaKm2,
            int population,
            @JsonProperty("branch_group") String branchGroup,
            @JsonProperty("hq_address") String hqAddress) {}
}
