package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congso.api.health.HealthCheck;

class HealthReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static HealthCheck check(String name, Supplier<HealthCheck.Result> result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return result.get();
            }
        };
    }

    private static final HealthCheck DATABASE = check("database",
            () -> HealthCheck.Result.up(Map.of("reachable", true, "responseMillis", 3)));

    private HealthReport run(HealthCheck... checks) {
        return HealthReport.run(List.of(checks), pool, Duration.ofMillis(500), CLOCK);
    }

    @Test
    void allUpIs200WithEveryCheckAndItsDetails() throws Exception {
        HealthReport report = run(DATABASE, check("plugins",
                () -> HealthCheck.Result.up(Map.of("plugins", List.of(Map.of("plugin", "vn.congso.training"))))));

        assertEquals(200, report.httpStatus());
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals("UP", json.get("status").asText());
        assertEquals("2026-12-04T10:00:00Z", json.get("checkedAt").asText());
        assertTrue(json.at("/checks/database/reachable").asBoolean());
        assertEquals("UP", json.at("/checks/database/status").asText());
        assertEquals("vn.congso.training", json.at("/checks/plugins/plugins/0/plugin").asText());
    }

    @Test
    void whileTheBootFeaturesAreInstalledThePlatformIsNotHealthyYet() throws Exception {
        HealthReport starting = run(DATABASE, HealthChecks.platformCheck(() -> true));
        assertEquals(503, starting.httpStatus());
        assertTrue(new ObjectMapper().readTree(starting.json()).at("/checks/platform/starting").asBoolean());
        assertEquals(200, run(DATABASE, HealthChecks.platformCheck(() -> false)).httpStatus());
    }

    @Test
    void oneCheckDownIs503AndSaysWhich() throws Exception {
        HealthReport report = run(DATABASE, check("backups",
                () -> HealthCheck.Result.down(Map.of("lastRun", Map.of("outcome", "FAILURE")))));

        assertEquals(503, report.httpStatus());
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals("DOWN", json.get("status").asText());
        assertEquals("DOWN", json.at("/checks/backups/status").asText());
        assertEquals("UP", json.at("/checks/database/status").asText());
    }

    @Test
    void withoutTheDatabaseCheckThePlatformIsDown() throws Exception {
        HealthReport report = run(check("plugins", () -> HealthCheck.Result.up(Map.of())));
        assertEquals(503, report.httpStatus());
        assertEquals("not registered", new ObjectMapper().readTree(report.json()).at("/checks/database/error").asText());
    }

    @Test
    void aThrowingCheckIsDownWithItsExceptionClassButNotItsSecretMessage() {
        HealthReport report = run(DATABASE, check("ldap", () -> {
            throw new IllegalStateException("cannot bind as cn=admin password=hunter2 to jdbc:derby:/srv/congso/data");
        }));
        assertEquals(503, report.httpStatus());
        assertTrue(report.json().contains("\"error\":\"IllegalStateException\""), report.json());
        for (String secret : List.of("hunter2", "cn=admin", "jdbc:", "/srv/congso")) {
            assertFalse(report.json().contains(secret), secret + " leaked: " + report.json());
        }
    }

    @Test
    void aHangingCheckTimesOutInsteadOfHangingMonitoring() {
        HealthCheck hanging = check("slow", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthCheck.Result.up(Map.of());
        });
        long start = System.nanoTime();
        HealthReport report = run(DATABASE, hanging);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 5_000, "took " + millis + " ms");
        assertEquals(503, report.httpStatus());
        assertTrue(report.json().contains("\"slow\":{\"status\":\"DOWN\",\"error\":\"timeout\"}"), report.json());
    }

    @Test
    void twoChecksWithTheSameNameAreBothListed() throws Exception {
        HealthReport report = run(DATABASE, check("plugins", () -> HealthCheck.Result.up(Map.of())),
                check("plugins", () -> HealthCheck.Result.up(Map.of())));
        JsonNode checks = new ObjectMapper().readTree(report.json()).get("checks");
        assertTrue(checks.has("plugins") && checks.has("plugins-2"), checks.toString());
    }
}
