package dev.connect.oauth.adapter.crypto;

/**
 * The cost parameters of Argon2id (RFC 9106 §3.1). The upper bounds keep a tampered stored hash
 * from making a sign-in allocate gigabytes or spin for minutes.
 *
 * @param memoryKiB   memory size {@code m} in KiB
 * @param iterations  number of passes {@code t}
 * @param parallelism degree of parallelism {@code p}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106#section-3.1">RFC 9106 §3.1</a>
 */
record Argon2idCost(int memoryKiB, int iterations, int parallelism) {
    /**
     * OWASP's second recommended setting (19 MiB, two passes, one lane): affordable per sign-in
     * on a small server, yet memory-hard enough to make GPU guessing expensive.
     */
    static final Argon2idCost RECOMMENDED = new Argon2idCost(19_456, 2, 1);

    private static final int MAX_MEMORY_KIB = 262_144;
    private static final int MAX_ITERATIONS = 32;
    private static final int MAX_PARALLELISM = 16;

    Argon2idCost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism is 1 to " + MAX_PARALLELISM);
        }
        // RFC 9106 §3.1: at least 8 KiB per lane.
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory is 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations are 1 to " + MAX_ITERATIONS);
        }
    }
}
