-- The network's version moved on every statement against points, holidays or fields, even one that
-- changed no row (deleting a holiday that does not exist): every replica then reloaded its index
-- and recomputed coverage for nothing. Rows now bump it; TRUNCATE, which has no rows to show, still
-- does by statement.
DROP TRIGGER service_point_changed ON service_point;
DROP TRIGGER public_holiday_changed ON public_holiday;
DROP TRIGGER procedure_field_changed ON procedure_field;

CREATE TRIGGER service_point_changed AFTER INSERT OR UPDATE OR DELETE ON service_point
    FOR EACH ROW EXECUTE FUNCTION bump_point_network();
CREATE TRIGGER service_point_truncated AFTER TRUNCATE ON service_point
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();
CREATE TRIGGER public_holiday_changed AFTER INSERT OR UPDATE OR DELETE ON public_holiday
    FOR EACH ROW EXECUTE FUNCTION bump_point_network();
CREATE TRIGGER public_holiday_truncated AFTER TRUNCATE ON public_holiday
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();
CREATE TRIGGER procedure_field_changed AFTER INSERT OR UPDATE OR DELETE ON procedure_field
    FOR EACH ROW EXECUTE FUNCTION bump_point_network();
CREATE TRIGGER procedure_field_truncated AFTER TRUNCATE ON procedure_field
    FOR EACH STATEMENT EXECUTE FUNCTION bump_point_network();
