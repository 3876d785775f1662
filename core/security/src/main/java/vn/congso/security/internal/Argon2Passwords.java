package vn.congso.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the cost can be raised later
 * without invalidating stored hashes. The default cost follows OWASP's minimum for Argon2id
 * (19 MiB, 2 passes, 1 lane) and keeps one verification well under 300 ms here.
 *
 * <p>At most one hash per processor is computed at a time, whoever asks (sign-ins, password
 * changes, account creation): in a sign-in storm before an exam, two hundred concurrent
 * 19 MiB hashes would share two cores, each taking a hundred times longer, and churn gigabytes
 * of memory that every other request then waits on in the garbage collector. Queued in
 * arrival order instead, each sign-in waits its turn and then takes one hash's time, and the
 * exam saves running beside them keep their cores and memory. The cost is not lowered.
 */
public final class Argon2Passwords {

    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    /** One hash per processor at a time, first come first served, shared by every hasher. */
    private static final Semaphore GATE = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /**
     * Creates a hasher with a cost.
     *
     * @param memoryKib memory in KiB
     * @param iterations passes
     * @param parallelism lanes
     */
    public Argon2Passwords(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** The default cost: 19 MiB, 2 passes, 1 lane. */
    public static Argon2Passwords standard() {
        return new Argon2Passwords(19_456, 2, 1);
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the password
     * @return the PHC string
     */
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Checks a password against a stored PHC string, in constant time.
     *
     * @param password the password typed
     * @param stored the stored hash
     * @return {@code true} when they match
     */
    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = DECODER.decode(m.group(4));
        byte[] expected = DECODER.decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        GATE.acquireUninterruptibly();
        try {
            return deriveNow(password, salt, memory, iterations, lanes, length);
        } finally {
            GATE.release();
        }
    }

    private static byte[] deriveNow(char[] password, byte[] salt, int memory, int iterations, int lanes,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
