package vn.hanoi.hcc.bff.point;

import java.util.Locale;
import java.util.Set;
import vn.hanoi.hcc.bff.i18n.Language;

/**
 * A field of administrative procedures (lĩnh vực), and the kinds of point that receive its
 * dossiers.
 *
 * @param code stable slug, e.g. {@code ho-tich}
 * @param servedBy the point types that receive dossiers of this field
 */
public record ProcedureField(String code, String nameVi, String nameEn, Set<PointType> servedBy) {

    public ProcedureField {
        servedBy = Set.copyOf(servedBy);
    }

    public String name(Locale locale) {
        return Language.of(locale).pick(nameVi, nameEn);
    }

    public boolean servedAt(ServicePoint point) {
        return servedBy.contains(point.type());
    }
}
