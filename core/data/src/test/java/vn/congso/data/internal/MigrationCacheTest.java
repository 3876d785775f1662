package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.core.spi.MigrationStatus.State;

class MigrationCacheTest {

    private static Migration outcome(MigrationKey key, State state) {
        return new Migration(key.bundleSymbolicName(), key.bundleVersion(), "c", state, 0, "", Instant.EPOCH, 1);
    }

    @Test
    void aBuildIsMigratedOnceAndAnUpdatedBuildAgain() {
        MigrationCache cache = new MigrationCache();
        MigrationKey v1 = new MigrationKey("p", "1.0.0", 100);
        assertTrue(cache.lookup(v1).isEmpty());

        cache.put(v1, outcome(v1, State.FAILED));
        assertEquals(State.FAILED, cache.lookup(v1).orElseThrow().state());

        MigrationKey reinstalled = new MigrationKey("p", "1.0.0", 200);
        MigrationKey newVersion = new MigrationKey("p", "1.0.1", 100);
        assertTrue(cache.lookup(reinstalled).isEmpty(), "bundle:update of the same version runs again");
        assertTrue(cache.lookup(newVersion).isEmpty());

        cache.put(reinstalled, outcome(reinstalled, State.MIGRATED));
        assertTrue(cache.lookup(v1).isEmpty(), "one entry per bundle");
        assertEquals(State.MIGRATED, cache.lookup(reinstalled).orElseThrow().state());

        cache.remove("p");
        assertTrue(cache.lookup(reinstalled).isEmpty());
    }
}
