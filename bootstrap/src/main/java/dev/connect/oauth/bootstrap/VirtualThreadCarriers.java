package dev.connect.oauth.bootstrap;

import java.util.Properties;

/**
 * Sizes the carrier threads of the server's virtual threads: half the cores instead of the JDK's
 * one per core. The use cases on virtual threads are short (the heaviest step is one signature;
 * password hashing and the purge have platform threads of their own), and they hand their
 * database work to platform threads (the group commit's writer, the lookups), which need cores of
 * their own alongside the event loops. On 2 cores, one carrier instead of two took a fifth less
 * server CPU per {@code client_credentials} token (bench/README.md): a use case resumed while the
 * carrier is busy waits in its queue instead of waking a second carrier on the other core.
 *
 * <p>Left to the JDK before JDK 24, where a virtual thread that blocks inside a
 * {@code synchronized} block keeps its carrier (JEP 491), so fewer carriers could stall every
 * use case; and left to the operator who sets {@value #PARALLELISM}.
 */
final class VirtualThreadCarriers {
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    private static final int FIRST_JDK_WITHOUT_PINNING = 24;

    private VirtualThreadCarriers() {
    }

    /** Sets the JVM's {@value #PARALLELISM}; call before the first virtual thread starts. */
    static void configure() {
        configure(System.getProperties(), Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
    }

    static void configure(Properties properties, int jdkFeature, int cores) {
        if (jdkFeature < FIRST_JDK_WITHOUT_PINNING || properties.getProperty(PARALLELISM) != null) {
            return;
        }
        properties.setProperty(PARALLELISM, String.valueOf(Math.max(1, cores / 2)));
    }
}
