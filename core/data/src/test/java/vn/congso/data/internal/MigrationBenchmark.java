package vn.congso.data.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.core.spi.MigrationStatus.Migration;

/**
 * Prints how long a bundle's migration takes on embedded Derby: the first run (schema created),
 * then runs with nothing to do, which is what every restart of the platform costs per bundle
 * whose build changed. Run it with
 * {@code mvn -pl core/data test-compile exec:java -Dexec.mainClass=vn.congso.data.internal.MigrationBenchmark -Dexec.classpathScope=test}.
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the number of up-to-date runs (default 30)
     * @throws Exception when Derby cannot be created
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("congso-migration-benchmark");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        EmbeddedDataSource ds = TestDatabases.derby(dir.resolve("congso"));
        LiquibaseMigrator migrator = new LiquibaseMigrator(ds, Clock.systemUTC());
        MigrationKey key = new MigrationKey("vn.bench.alpha", "1.0.0", 1);
        ClassLoader plugin = TestDatabases.plugin("alpha");

        Migration first = migrator.migrate(key, "db/changelog.xml", plugin);
        System.out.printf("first run (cold JVM, %d changesets): %d ms%n", first.changesetsApplied(), first.millis());
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            Migration again = migrator.migrate(key, "db/changelog.xml", plugin);
            if (again.changesetsApplied() != 0) {
                throw new IllegalStateException("expected nothing to do: " + again);
            }
            millis[i] = again.millis();
        }
        System.out.printf("up to date, first: %d ms%n", millis[0]);
        long[] warm = Arrays.copyOfRange(millis, Math.min(5, runs - 1), runs);
        Arrays.sort(warm);
        System.out.printf("up to date, warm (%d runs): median %d ms, min %d ms, max %d ms%n", warm.length,
                warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    }
}
