-- Wards of Hanoi since 1 July 2025 and the service points where citizens file and collect.

CREATE TABLE ward (
    code          varchar(5)       PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
    name          text             NOT NULL,
    full_name     text             NOT NULL,
    kind          text             NOT NULL CHECK (kind IN ('PHUONG', 'XA')),
    population    integer          NOT NULL CHECK (population >= 0),
    area_km2      numeric(9, 2)    NOT NULL CHECK (area_km2 > 0),
    lat           double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    branch_group  text             NOT NULL,
    hq_address    text,
    -- GeoJSON MultiPolygon (WGS84), simplified to about 50 m
    boundary      jsonb            NOT NULL
);

CREATE TABLE service_point (
    id                  varchar(32)      PRIMARY KEY,
    type                text             NOT NULL
                        CHECK (type IN ('HQ', 'BRANCH', 'RECEPTION', 'WARD_POINT', 'COMMUNITY')),
    name                text             NOT NULL,
    -- name folded for search: lower case, no diacritics, đ as d (SearchText.fold)
    search_name         text             NOT NULL,
    address             text,
    ward_code           varchar(5)       REFERENCES ward (code),
    branch_group        text,
    lat                 double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                 double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    coordinate_quality  text             NOT NULL
                        CHECK (coordinate_quality IN ('surveyed', 'ward-representative', 'district-centroid')),
    -- [{"day": "MONDAY", "opens": "08:00", "closes": "12:00"}, ...] in Asia/Ho_Chi_Minh
    opening_hours       jsonb            NOT NULL CHECK (jsonb_typeof(opening_hours) = 'array'),
    note                text,
    source              text,
    active              boolean          NOT NULL DEFAULT true,
    created_at          timestamptz      NOT NULL DEFAULT now(),
    updated_at          timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX service_point_type_idx ON service_point (type);
CREATE INDEX service_point_ward_idx ON service_point (ward_code);
