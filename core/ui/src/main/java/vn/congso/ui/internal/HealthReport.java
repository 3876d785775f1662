package vn.congso.ui.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.health.HealthCheck;
import vn.congso.api.health.HealthCheck.Status;

/**
 * Runs every registered {@link HealthCheck} in parallel, each within a time limit, and renders
 * them as the JSON of {@code GET /health}. The platform is UP only when the {@code database}
 * check is there and every check is up; a check that throws or overruns is reported DOWN with
 * the exception's class name or {@code timeout} only (its message may hold a secret).
 *
 * @param httpStatus 200 when up, 503 otherwise
 * @param json the body
 */
record HealthReport(int httpStatus, String json) {

    /** The check core cannot run without. */
    static final String REQUIRED = "database";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HealthReport.class);

    /**
     * Runs the checks.
     *
     * @param checks the registered checks
     * @param pool where checks run, so a hung one cannot hold the request thread
     * @param timeout how long the whole report may wait for the checks
     * @param clock for the report's time
     * @return the report
     */
    static HealthReport run(Collection<HealthCheck> checks, ExecutorService pool, Duration timeout, Clock clock) {
        List<HealthCheck> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(HealthReport::nameOf));
        List<Future<HealthCheck.Result>> running = new ArrayList<>();
        for (HealthCheck check : ordered) {
            running.add(pool.submit(check::check));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> results = new LinkedHashMap<>();
        boolean up = true;
        for (int i = 0; i < ordered.size(); i++) {
            String name = unique(nameOf(ordered.get(i)), results);
            HealthCheck.Result result = await(name, running.get(i), deadline);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", result.status().name());
            entry.putAll(result.details());
            results.put(name, entry);
            up &= result.status() == Status.UP;
        }
        if (!results.containsKey(REQUIRED)) {
            results.put(REQUIRED, Map.of("status", Status.DOWN.name(), "error", "not registered"));
            up = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? Status.UP.name() : Status.DOWN.name());
        body.put("checkedAt", clock.instant().toString());
        body.put("checks", results);
        try {
            return new HealthReport(up ? 200 : 503, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            LOG.error("Cannot render the health report", e);
            return new HealthReport(503, "{\"status\":\"DOWN\",\"error\":\"report\"}");
        }
    }

    private static HealthCheck.Result await(String name, Future<HealthCheck.Result> future, long deadline) {
        try {
            HealthCheck.Result result = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return result == null ? HealthCheck.Result.down(Map.of("error", "no result")) : result;
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("Health check '{}' did not answer in time", name);
            return HealthCheck.Result.down(Map.of("error", "timeout"));
        } catch (ExecutionException e) {
            LOG.warn("Health check '{}' failed", name, e.getCause());
            return HealthCheck.Result.down(Map.of("error", e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down(Map.of("error", "interrupted"));
        }
    }

    private static String nameOf(HealthCheck check) {
        try {
            String name = check.name();
            return name == null || !name.matches("[a-z0-9-]{1,40}") ? "unnamed" : name;
        } catch (RuntimeException e) {
            LOG.warn("A health check failed to name itself", e);
            return "unnamed";
        }
    }

    private static String unique(String name, Map<String, Object> taken) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }
}
