package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version ordering of the kept jars: what a rollback returns to. */
class PluginStoreTest {

    @TempDir
    Path root;

    @Test
    void thePreviousVersionIsTheHighestBelowTheCurrentInOsgiOrder() throws Exception {
        PluginStore store = new PluginStore(root);
        Path jar = Files.writeString(root.resolve("x.jar"), "jar");
        for (String v : List.of("1.2.0", "1.9.0", "1.10.0", "2.0.0")) {
            store.keep(new BundleRef("p", v), jar);
        }
        assertEquals(Optional.of("1.9.0"), store.previous("p", "1.10.0"));
        assertEquals(Optional.of("1.10.0"), store.previous("p", "2.0.0"));
        assertEquals(Optional.empty(), store.previous("p", "1.2.0"));
        store.retainOnly("p", List.of("2.0.0", "1.10.0"));
        assertEquals(Optional.of("1.10.0"), store.previous("p", "2.0.0"));
        assertEquals(Optional.empty(), store.previous("p", "1.10.0"));
    }

    @Test
    void refusesNamesThatLeaveTheStore() {
        PluginStore store = new PluginStore(root);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> store.find(new BundleRef("../etc", "1.0.0")));
    }
}
