package vn.congso.admin.internal.indicators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.api.security.RunAs;

/**
 * Every {@link Indicator} registered now, and their values for a period and unit. Each one is
 * computed on a bounded pool of worker threads, as the system actor {@code system:dashboard},
 * under a time limit: one that throws, runs over its time or cannot get a worker comes back as
 * {@link Status#FAILED} with the cause logged, and the others are not affected.
 */
@Component(service = IndicatorRegistry.class, configurationPid = "vn.congso.admin.dashboard")
@Designate(ocd = DashboardConfig.class)
public final class IndicatorRegistry {

    /** The actor named in the audit log for what indicators read. */
    static final String ACTOR = "system:dashboard";

    private final Logger log = LoggerFactory.getLogger(IndicatorRegistry.class);
    private final Map<String, Registered> indicators = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final RunAs runAs;
    private final Duration timeout;
    private final ThreadPoolExecutor workers;

    /** How a computation ended. */
    public enum Status {
        /** The indicator answered in time. */
        OK,
        /** It threw, ran over its time or found no free worker. */
        FAILED
    }

    /**
     * What an indicator is, read once so a card does not call back into a plugin while it draws.
     *
     * @param id the indicator's id
     * @param titleKey its title's translation key
     * @param descriptionKey its description's key, or empty
     * @param unitOfMeasure what it counts
     * @param isPublic whether anyone may see it
     * @param target the value aimed at, or empty
     * @param order the card's position
     */
    public record Definition(String id, String titleKey, Optional<String> descriptionKey, UnitOfMeasure unitOfMeasure,
            boolean isPublic, OptionalDouble target, int order) {

        static Definition of(Indicator indicator) {
            Optional<String> description = indicator.descriptionKey();
            OptionalDouble target = indicator.target();
            return new Definition(indicator.id(), indicator.titleKey(), description == null ? Optional.empty()
                    : description, indicator.unitOfMeasure(), indicator.isPublic(),
                    target == null ? OptionalDouble.empty() : target, indicator.order());
        }
    }

    /**
     * One indicator's outcome.
     *
     * @param definition what it is
     * @param status whether it was computed
     * @param value its value; {@link IndicatorValue#none()} when it failed
     * @param millis how long it took, or the time waited before giving up
     */
    public record Result(Definition definition, Status status, IndicatorValue value, long millis) {
    }

    /** An indicator with what it said about itself when it came, and the bundle that brought it. */
    private record Registered(Indicator indicator, Definition definition, long bundleId) {
    }

    /**
     * The last failure of an indicator that has not succeeded since, for the plugins screen.
     *
     * @param bundleId the contributing bundle
     * @param indicatorId the indicator
     * @param cause what went wrong, in a line
     */
    public record Failure(long bundleId, String indicatorId, String cause) {
    }

    /**
     * Creates the registry.
     *
     * @param runAs computes indicators as the system actor
     * @param config time limit and pool sizes
     */
    @Activate
    public IndicatorRegistry(@Reference RunAs runAs, DashboardConfig config) {
        this(runAs, Duration.ofMillis(Math.max(100, config.timeoutMillis())), Math.max(1, config.threads()),
                Math.max(1, config.queue()));
    }

    IndicatorRegistry(RunAs runAs, Duration timeout, int threads, int queue) {
        this.runAs = runAs;
        this.timeout = timeout;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "congso-indicator-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                factory, new ThreadPoolExecutor.AbortPolicy());
        workers.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a task on a worker when one is free, such as drawing a first chart so that the first
     * reader of the dashboard does not wait for the chart library and fonts to load.
     *
     * @param what the task's name, for the log
     * @param task the task
     */
    void background(String what, Runnable task) {
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("{} skipped: every dashboard worker is busy", what);
        }
    }

    /** Stops the workers; a computation still running is interrupted. */
    @Deactivate
    public void close() {
        workers.shutdownNow();
    }

    /**
     * Adds an indicator; a second one with an id already taken is ignored and logged.
     *
     * @param indicator the contribution
     * @param reference its registration, naming the contributing bundle
     */
    @Reference(name = "indicators", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeIndicator")
    public void addIndicator(Indicator indicator, ServiceReference<Indicator> reference) {
        add(indicator, reference.getBundle() == null ? -1 : reference.getBundle().getBundleId());
    }

    /** Adds an indicator as if bundle 0 had brought it (tests). */
    void add(Indicator indicator) {
        add(indicator, 0);
    }

    void add(Indicator indicator, long bundleId) {
        Definition definition;
        try {
            definition = Definition.of(indicator);
            if (definition.id() == null || definition.titleKey() == null || definition.unitOfMeasure() == null) {
                throw new IllegalArgumentException("id, title key and unit of measure are required");
            }
        } catch (RuntimeException e) {
            log.warn("Indicator {} ignored: it cannot describe itself", indicator.getClass().getName(), e);
            return;
        }
        Registered before = indicators.putIfAbsent(definition.id(), new Registered(indicator, definition, bundleId));
        if (before != null && before.indicator() != indicator) {
            log.warn("Indicator {} of {} ignored: the id is already taken by {}", definition.id(),
                    indicator.getClass().getName(), before.indicator().getClass().getName());
        }
    }

    /**
     * Removes an indicator, and forgets its failures.
     *
     * @param indicator the contribution going away
     */
    public void removeIndicator(Indicator indicator) {
        indicators.values().removeIf(r -> {
            if (r.indicator() == indicator) {
                failures.remove(r.definition().id());
                return true;
            }
            return false;
        });
    }

    /**
     * The indicators of a bundle whose last computation failed.
     *
     * @param bundleId the bundle
     * @return its failing indicators, by id
     */
    public List<Failure> failuresOf(long bundleId) {
        return failures.values().stream().filter(f -> f.bundleId() == bundleId)
                .sorted(Comparator.comparing(Failure::indicatorId)).toList();
    }

    /**
     * What is registered now, by id.
     *
     * @param publicOnly only the indicators marked public
     * @return the definitions
     */
    public List<Definition> definitions(boolean publicOnly) {
        return chosen(publicOnly).stream().map(Registered::definition).toList();
    }

    private List<Registered> chosen(boolean publicOnly) {
        return indicators.values().stream().filter(r -> !publicOnly || r.definition().isPublic())
                .sorted(Comparator.comparingInt((Registered r) -> r.definition().order())
                        .thenComparing(r -> r.definition().id())).toList();
    }

    /**
     * Computes every indicator (or every public one) at once, each under the time limit.
     *
     * @param publicOnly only the indicators marked public
     * @param period the period
     * @param unitId the unit, or {@link Indicator#ALL_UNITS}
     * @return one result per indicator, by order then id
     */
    public List<Result> compute(boolean publicOnly, Period period, String unitId) {
        List<Registered> chosen = chosen(publicOnly);
        CurrentUser system = runAs.system(ACTOR);
        long start = System.nanoTime();
        List<Future<IndicatorValue>> futures = new ArrayList<>();
        for (Registered registered : chosen) {
            Indicator indicator = registered.indicator();
            try {
                futures.add(workers.submit(() -> runAs.call(system, () -> indicator.compute(period, unitId))));
            } catch (RejectedExecutionException e) {
                futures.add(null);
            }
        }
        long deadline = start + timeout.toNanos();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Indicator indicator = chosen.get(i).indicator();
            Definition definition = chosen.get(i).definition();
            long bundleId = chosen.get(i).bundleId();
            Future<IndicatorValue> future = futures.get(i);
            if (future == null) {
                log.warn("Indicator {} not computed: every dashboard worker is busy", definition.id());
                results.add(failed(definition, start));
                continue;
            }
            try {
                IndicatorValue value = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (value == null) {
                    throw new ExecutionException(new NullPointerException("compute returned null"));
                }
                failures.remove(definition.id());
                results.add(new Result(definition, Status.OK, value, elapsed(start)));
            } catch (TimeoutException e) {
                future.cancel(true);
                log.warn("Indicator {} ({}) not computed: still running after {} ms for {} {}", definition.id(),
                        indicator.getClass().getName(), timeout.toMillis(), period, unitId);
                failures.put(definition.id(), new Failure(bundleId, definition.id(),
                        "no answer within " + timeout.toMillis() + " ms"));
                results.add(failed(definition, start));
            } catch (ExecutionException e) {
                log.warn("Indicator {} ({}) failed for {} {}", definition.id(), indicator.getClass().getName(), period,
                        unitId, e.getCause());
                failures.put(definition.id(), new Failure(bundleId, definition.id(), line(e.getCause())));
                results.add(failed(definition, start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                results.add(failed(definition, start));
            }
        }
        return results;
    }

    /** An exception in one line: its class and message, short enough for a list of causes. */
    private static String line(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\s+", " ");
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static Result failed(Definition definition, long start) {
        return new Result(definition, Status.FAILED, IndicatorValue.none(), elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
