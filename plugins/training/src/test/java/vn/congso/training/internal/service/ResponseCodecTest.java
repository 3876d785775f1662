package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.store.ResponseCodec;

/** Stored responses read back exactly, including texts with the codec's own separators. */
class ResponseCodecTest {

    @Test
    void everyKindOfResponseRoundTrips() {
        for (Response r : new Response[] {new Response.Selection(Set.of(2, 0, 11)), new Response.Selection(Set.of()),
                new Response.Truth(false), new Response.Text("  Hà Nội; = \\ ,"), new Response.Number(-3.25),
                new Response.Matches(Map.of(0, "Xử lý; lệnh", 3, "a=b\\c", 1, ""))}) {
            assertEquals(r, ResponseCodec.decode(ResponseCodec.encode(r)), ResponseCodec.encode(r));
        }
        assertNull(ResponseCodec.decode(ResponseCodec.encode(null)));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResponseCodec.decode("Q:1"));
        assertThrows(IllegalArgumentException.class, () -> ResponseCodec.decode("x"));
    }
}
