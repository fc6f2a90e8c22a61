package vn.hanoi.hcc.bff.privacy;

/** The hasher for tools outside the application (benchmarks, backtests), with a pepper of theirs. */
public final class BenchHasher {

    private BenchHasher() {}

    public static PersonalDataHasher withPepper(String pepper) {
        return new PersonalDataHasher(new PrivacyProperties(pepper));
    }
}
