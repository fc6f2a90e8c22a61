package vn.hanoi.hcc.bff.point;

/** What kind of service point; the declaration order is the order points are listed in. */
public enum PointType {
    /** The Center's headquarters. */
    HQ,
    /** One of the 12 regional branches. */
    BRANCH,
    /** One of the 30 reception points of the former districts. */
    RECEPTION,
    /** The service point of one of the 126 communes and wards. */
    WARD_POINT,
    /** A community point (post office, partner desk). */
    COMMUNITY
}
