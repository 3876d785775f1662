package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the administrator is told when a component fails. */
class HealthProbeTest {

    @Test
    void namesTheRootCauseNotTheReflectionWrapper() {
        String failure = "java.lang.reflect.InvocationTargetException\n\tat a.b(C.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: no licence key\n\tat x.Y.<init>(Y.java:9)\n";
        assertEquals("java.lang.IllegalStateException: no licence key", HealthProbe.rootCause(failure));
        assertEquals("java.lang.RuntimeException: boom", HealthProbe.rootCause("java.lang.RuntimeException: boom\n\tat a"));
    }
}
