package vn.congso.admin.internal;

/**
 * Counts the bytes inflated from the archives of one upload and refuses the upload at the first
 * byte over {@link ArchiveLimits#maxInflatedBytes()}. One budget is shared by a {@code .kar} and
 * the jars inside it.
 */
final class InflationBudget {

    private final long limit;
    private long inflated;

    InflationBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Takes bytes from the budget.
     *
     * @param bytes how many were just inflated
     * @param fileName the upload's name, for the refusal
     * @throws Refusal {@code plugin.refused.zip-too-large-inflated} (args: file, limit in MB)
     */
    void spend(long bytes, String fileName) throws Refusal {
        inflated += bytes;
        if (inflated > limit) {
            throw new Refusal("plugin.refused.zip-too-large-inflated", fileName, limit / (1024 * 1024));
        }
    }

    /** @return the bytes inflated so far */
    long inflated() {
        return inflated;
    }

    /** @return the limit */
    long limit() {
        return limit;
    }
}
