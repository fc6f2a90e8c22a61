-- What the nearest-point search and the coverage report read besides the points: public
-- holidays, the procedure fields each kind of point receives, and one version number of the whole
-- network that every change of points, holidays or fields bumps (by trigger, so that a change made
-- by any means reaches every replica's in-memory index).

CREATE TABLE point_network (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint      NOT NULL,
    changed_at  timestamptz NOT NULL
);
INSERT INTO point_network (version, changed_at) VALUES (1, now());

CREATE FUNCTION bump_point_network() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE point_network SET version = version + 1, changed_at = now();
    RETURN NULL;
END
$$;

CREATE TRIGGER service_point_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_point
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();

-- Days every point is closed, in Asia/Ho_Chi_Minh.
CREATE TABLE public_holiday (
    day         date        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    source      text,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER public_holiday_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_holiday
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();

-- Labour Code 2019 (45/2019/QH14), article 112: 1 January; five days of Tết (the lunar new year);
-- the Hùng Kings' day (10th of the 3rd lunar month); 30 April; 1 May; 2 September and a day next
-- to it; a holiday on a weekend gives the next working day off. The Tết days follow the
-- Government's yearly notice; those of 2027 are the statutory five (5-9 February, two of them on
-- a weekend, hence 10-11 February) until it is published. The Center keeps this table through
-- PUT/DELETE /api/v1/ops/holidays/{date}.
INSERT INTO public_holiday (day, name, source) VALUES
    ('2026-01-01', 'Tết Dương lịch', 'Labour Code 2019 art. 112'),
    ('2026-02-14', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-15', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-16', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-17', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-18', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-19', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-20', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-21', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-02-22', 'Tết Nguyên đán Bính Ngọ', 'Government notice on Tết 2026 (14-22 Feb)'),
    ('2026-04-26', 'Giỗ Tổ Hùng Vương', 'Labour Code 2019 art. 112 (10/3 lunar)'),
    ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Labour Code 2019 art. 112 (falls on a Sunday)'),
    ('2026-04-30', 'Ngày Chiến thắng', 'Labour Code 2019 art. 112'),
    ('2026-05-01', 'Ngày Quốc tế Lao động', 'Labour Code 2019 art. 112'),
    ('2026-09-01', 'Quốc khánh', 'Labour Code 2019 art. 112 (the day next to 2 September)'),
    ('2026-09-02', 'Quốc khánh', 'Labour Code 2019 art. 112'),
    ('2027-01-01', 'Tết Dương lịch', 'Labour Code 2019 art. 112'),
    ('2027-02-05', 'Tết Nguyên đán Đinh Mùi', 'Labour Code 2019 art. 112; pending the Government notice'),
    ('2027-02-06', 'Tết Nguyên đán Đinh Mùi', 'Labour Code 2019 art. 112; pending the Government notice'),
    ('2027-02-07', 'Tết Nguyên đán Đinh Mùi', 'Labour Code 2019 art. 112; pending the Government notice'),
    ('2027-02-08', 'Tết Nguyên đán Đinh Mùi', 'Labour Code 2019 art. 112; pending the Government notice'),
    ('2027-02-09', 'Tết Nguyên đán Đinh Mùi', 'Labour Code 2019 art. 112; pending the Government notice'),
    ('2027-02-10', 'Nghỉ bù Tết Nguyên đán', 'Labour Code 2019 art. 112 (two Tết days fall on a weekend)'),
    ('2027-02-11', 'Nghỉ bù Tết Nguyên đán', 'Labour Code 2019 art. 112 (two Tết days fall on a weekend)'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương', 'Labour Code 2019 art. 112 (10/3 lunar)'),
    ('2027-04-30', 'Ngày Chiến thắng', 'Labour Code 2019 art. 112'),
    ('2027-05-01', 'Ngày Quốc tế Lao động', 'Labour Code 2019 art. 112'),
    ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', 'Labour Code 2019 art. 112 (falls on a Saturday)'),
    ('2027-09-02', 'Quốc khánh', 'Labour Code 2019 art. 112'),
    ('2027-09-03', 'Quốc khánh', 'Labour Code 2019 art. 112 (the day next to 2 September)');

-- Fields of procedures (lĩnh vực) and the kinds of point that receive them. Since 1 July 2025
-- commune-level procedures are filed at any ward point whatever the citizen's residence, and
-- city-level ones at the Center, its branches and their reception points; land and construction
-- have procedures at both levels. An assumption to be confirmed by the Center, documented in
-- seed/hanoi/SOURCES.md.
CREATE TABLE procedure_field (
    code         varchar(40) PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_vi      text        NOT NULL,
    name_en      text        NOT NULL,
    point_types  text[]      NOT NULL
                 CHECK (point_types <@ ARRAY['HQ', 'BRANCH', 'RECEPTION', 'WARD_POINT', 'COMMUNITY']
                        AND cardinality(point_types) > 0)
);

CREATE TRIGGER procedure_field_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_field
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();

INSERT INTO procedure_field (code, name_vi, name_en, point_types) VALUES
    ('ho-tich', 'Hộ tịch', 'Civil status (births, marriages, deaths)', ARRAY['WARD_POINT', 'COMMUNITY']),
    ('chung-thuc', 'Chứng thực', 'Certified copies and signatures', ARRAY['WARD_POINT', 'COMMUNITY']),
    ('bao-tro-xa-hoi', 'Bảo trợ xã hội', 'Social protection', ARRAY['WARD_POINT', 'COMMUNITY']),
    ('ho-kinh-doanh', 'Thành lập và hoạt động của hộ kinh doanh', 'Household businesses',
        ARRAY['WARD_POINT', 'COMMUNITY']),
    ('dat-dai', 'Đất đai', 'Land', ARRAY['HQ', 'BRANCH', 'RECEPTION', 'WARD_POINT', 'COMMUNITY']),
    ('xay-dung', 'Hoạt động xây dựng', 'Construction permits',
        ARRAY['HQ', 'BRANCH', 'RECEPTION', 'WARD_POINT', 'COMMUNITY']),
    ('doanh-nghiep', 'Thành lập và hoạt động doanh nghiệp', 'Enterprises', ARRAY['HQ', 'BRANCH', 'RECEPTION']),
    ('ly-lich-tu-phap', 'Lý lịch tư pháp', 'Judicial records', ARRAY['HQ', 'BRANCH', 'RECEPTION']),
    ('viec-lam', 'Việc làm', 'Employment and work permits', ARRAY['HQ', 'BRANCH', 'RECEPTION']),
    ('an-toan-thuc-pham', 'An toàn thực phẩm', 'Food safety', ARRAY['HQ', 'BRANCH', 'RECEPTION']),
    ('duong-bo', 'Đường bộ', 'Road transport and driving licences', ARRAY['HQ', 'BRANCH', 'RECEPTION']);
