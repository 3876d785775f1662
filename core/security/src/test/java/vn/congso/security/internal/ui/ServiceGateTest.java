package vn.congso.security.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServiceGateTest {

    @Test
    void aSignInSubmittedDuringTheStartGetsTheServiceWhenItComes() throws Exception {
        ServiceGate<Object> gate = new ServiceGate<>();
        Object service = new Object();
        CompletableFuture<Optional<Object>> waiting =
                CompletableFuture.supplyAsync(() -> gate.await(Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertTrue(!waiting.isDone(), "the sign-in went on without a security service");
        gate.arrived(service);
        assertEquals(Optional.of(service), waiting.get());
    }

    @Test
    void withoutTheServiceTheSignInGivesUpAfterTheWait() {
        ServiceGate<Object> gate = new ServiceGate<>();
        assertEquals(Optional.empty(), gate.await(Duration.ofMillis(50)));
    }

    @Test
    void aServiceThatLeftIsNotUsed() {
        ServiceGate<Object> gate = new ServiceGate<>();
        Object first = new Object();
        Object second = new Object();
        gate.arrived(first);
        gate.arrived(second);
        gate.left(first);
        assertEquals(Optional.of(second), gate.await(Duration.ZERO), "a stale unbind removed the newer service");
        gate.left(second);
        assertEquals(Optional.empty(), gate.await(Duration.ZERO));
    }
}
