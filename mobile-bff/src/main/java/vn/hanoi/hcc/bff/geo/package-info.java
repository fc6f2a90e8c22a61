/**
 * Geometry on the WGS84 ellipsoid: geodesic distances (Vincenty's inverse method) and the
 * latitude and longitude spans that bound a distance, for spatial indexes that must never miss a
 * point.
 */
package vn.hanoi.hcc.bff.geo;
