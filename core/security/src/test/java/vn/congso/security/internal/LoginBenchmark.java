package vn.congso.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;
import vn.congso.api.CurrentUser;

/**
 * Sign-in latency with the chosen Argon2id cost (m=19 MiB, t=2, p=1), through the real service
 * (Shiro realm, database lookup, lockout bookkeeping, audit), beside the bare hash verification
 * as the baseline in the same run: the difference is what the platform adds. Wrong passwords and
 * unknown names are timed too; they must cost the same as a success, or timing would tell
 * whether an account exists. A program, not a test: numbers depend on the machine.
 *
 * <p>Run (after {@code mvn -B -q install -DskipTests}): {@code mvn -B -q -pl core/security test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.congso.security.internal.LoginBenchmark}
 */
public final class LoginBenchmark {

    static final int WARM_UP = 20;
    static final int RUNS = 100;
    static final String PASSWORD = "Trần Đề 2026 an toàn";

    private LoginBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the service cannot start
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("congso-login-bench");
        // No lockout during the run: every wrong password is checked for real.
        SecurityFixture fixture = new SecurityFixture(dir, Integer.MAX_VALUE);
        SecurityService security = fixture.security;
        CurrentUser console = security.system("console:benchmark");
        String oneTime = security.call(console, () -> security.createUser(new UserData("can.bo.do", "Cán Bộ Đo",
                "", "", "district", true, Set.of())));
        CurrentUser first = security.authenticate("can.bo.do", oneTime.toCharArray(), "").orElseThrow();
        security.call(first, () -> {
            security.changeOwnPassword(oneTime.toCharArray(), PASSWORD.toCharArray(), PASSWORD.toCharArray());
            return null;
        });
        Argon2Passwords passwords = Argon2Passwords.standard();
        String hash = passwords.hash(PASSWORD.toCharArray());

        System.out.printf("Sign-in latency, %d runs each after %d warm-up, %d CPU(s)%n", RUNS, WARM_UP,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-44s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "max ms");
        report("baseline: Argon2id verify alone", () -> passwords.verify(PASSWORD.toCharArray(), hash));
        report("sign-in, right password", () -> security.authenticate("can.bo.do", PASSWORD.toCharArray(), "")
                .isPresent());
        report("sign-in, wrong password", () -> !security.authenticate("can.bo.do", "sai".toCharArray(), "")
                .isPresent());
        report("sign-in, unknown name", () -> !security.authenticate("khong.co.ai", "sai".toCharArray(), "")
                .isPresent());
        System.out.println("Target: one sign-in <= 300 ms.");
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void report(String name, BooleanSupplier attempt) {
        for (int i = 0; i < WARM_UP; i++) {
            check(name, attempt);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check(name, attempt);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-44s %8.1f %8.1f %8.1f%n", name, ms(nanos[RUNS / 2]), ms(nanos[(int) (RUNS * 0.95) - 1]),
                ms(nanos[RUNS - 1]));
    }

    private static void check(String name, BooleanSupplier attempt) {
        if (!attempt.getAsBoolean()) {
            throw new IllegalStateException(name + ": unexpected outcome");
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
