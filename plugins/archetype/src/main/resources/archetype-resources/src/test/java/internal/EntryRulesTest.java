package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the form and the service refuse. */
class EntryRulesTest {

    @Test
    void aTitleIsRequiredAndBounded() {
        assertEquals(Optional.of("${pluginName}.error.title-required"), EntryRules.checkTitle("   "));
        assertEquals(Optional.of("${pluginName}.error.title-too-long"), EntryRules.checkTitle("x".repeat(121)));
        assertTrue(EntryRules.checkTitle("  Tập huấn " + "x".repeat(100) + "  ").isEmpty());
    }

    @Test
    void anAmountIsRequiredAndWithinItsRange() {
        assertEquals(Optional.of("${pluginName}.error.amount-required"), EntryRules.checkAmount(null));
        assertEquals(Optional.of("${pluginName}.error.amount-range"), EntryRules.checkAmount(-1));
        assertEquals(Optional.of("${pluginName}.error.amount-range"), EntryRules.checkAmount(1_000_001));
        assertTrue(EntryRules.checkAmount(0).isEmpty());
        assertTrue(EntryRules.checkAmount(1_000_000).isEmpty());
    }
}
