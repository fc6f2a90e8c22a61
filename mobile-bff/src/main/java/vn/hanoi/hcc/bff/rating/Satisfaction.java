package vn.hanoi.hcc.bff.rating;

/**
 * Ratings of a point or a branch group, against the target.
 *
 * @param id the point's id, or the branch group's name
 * @param satisfied ratings of 4 or 5
 * @param rate satisfied ÷ ratings (0 when there are none)
 */
public record Satisfaction(
        String id, String name, String branchGroup, long ratings, long satisfied, double rate, boolean meetsTarget) {

    static Satisfaction of(String id, String name, String branchGroup, long ratings, long satisfied, double target) {
        double rate = ratings == 0 ? 0 : (double) satisfied / ratings;
        return new Satisfaction(id, name, branchGroup, ratings, satisfied, rate, ratings > 0 && rate >= target);
    }
}
