package vn.hanoi.hcc.bff.coverage;

import java.util.List;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * What the planners ask of the suggestions: where {@code count} new points would bring the most
 * people within this target, choosing among these candidates, with the excluded points closed.
 * A record, so that the same question finds its cached answer.
 *
 * @param positions the planner's own candidates; empty unless {@code candidates} is {@link Candidates#LIST}
 * @param exclude ids of active points to leave out of the network, as if closed
 */
public record SuggestionQuery(
        TravelMode mode,
        int count,
        TravelProperties.Target target,
        Candidates candidates,
        List<LatLon> positions,
        List<String> exclude) {

    /** The most sites one question may ask for. */
    public static final int MAX_COUNT = 10;

    public SuggestionQuery {
        positions = List.copyOf(positions);
        exclude = List.copyOf(exclude);
    }

    /** Where the candidate sites come from. */
    public enum Candidates {
        /** Each ward's representative point (inside its polygon). */
        WARDS,
        /** The centres of a square grid's cells that hold any of the population's samples. */
        GRID,
        /** The planner's own list. */
        LIST
    }
}
