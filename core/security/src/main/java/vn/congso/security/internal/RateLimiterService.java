package vn.congso.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import vn.congso.api.data.Database;
import vn.congso.api.security.RateLimiter;

/**
 * The platform's {@link RateLimiter}: fixed windows per bucket and key, counted in
 * {@link Limits} and kept in the database, so a restart does not reset them.
 */
@Component(service = RateLimiter.class, configurationPid = RateLimiterService.PID)
@Designate(ocd = RateLimiterService.Config.class)
public final class RateLimiterService implements RateLimiter {

    /** The configuration PID. */
    static final String PID = "vn.congso.security.ratelimit";

    /** Allowances per bucket. */
    @ObjectClassDefinition(localization = SecurityService.METATYPE_L10N, name = "%ratelimit.name",
            description = "%ratelimit.description")
    @interface Config {
        /** The allowance of buckets not listed in {@link #limits()}. */
        @AttributeDefinition(name = "%ratelimit.defaultLimit.name", description = "%ratelimit.defaultLimit.description")
        String defaultLimit() default "60/60";

        /** Allowances of named buckets. */
        @AttributeDefinition(name = "%ratelimit.limits.name", description = "%ratelimit.limits.description")
        String limits() default "";
    }

    private final Limits limits;
    private final Limits.Rule defaultRule;
    private final Map<String, Limits.Rule> rules;

    /** Starts the service over the platform database. */
    @Activate
    public RateLimiterService(@Reference Database database, Config config) {
        this(new Limits(Clock.systemUTC(), LimitStore.jdbc(database.dataSource())), config.defaultLimit(),
                config.limits());
    }

    RateLimiterService(Limits limits, String defaultLimit, String configured) {
        this.limits = limits;
        this.defaultRule = rule("defaultLimit", defaultLimit);
        this.rules = parse(configured);
    }

    /** Parses {@code bucket=requests/seconds, ...}. */
    static Map<String, Limits.Rule> parse(String configured) {
        Map<String, Limits.Rule> parsed = new LinkedHashMap<>();
        if (configured == null || configured.isBlank()) {
            return parsed;
        }
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("limits: expected bucket=requests/seconds, was '" + entry.trim()
                        + "'");
            }
            parsed.put(entry.substring(0, equals).trim(), rule(entry.substring(0, equals).trim(),
                    entry.substring(equals + 1)));
        }
        return parsed;
    }

    private static Limits.Rule rule(String name, String value) {
        String[] parts = value == null ? new String[0] : value.trim().split("/");
        try {
            if (parts.length == 2) {
                int requests = Integer.parseInt(parts[0].trim());
                int seconds = Integer.parseInt(parts[1].trim());
                if (requests > 0 && seconds > 0) {
                    return new Limits.Rule(requests + 1, Duration.ofSeconds(seconds), Duration.ZERO);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected requests/seconds, was '" + value + "'", e);
        }
        throw new IllegalArgumentException(name + ": expected requests/seconds (both positive), was '" + value + "'");
    }

    @Override
    public boolean tryAcquire(String bucket, String key) {
        String name = bucket == null ? "" : bucket;
        if (limits.blockedUntil("rate." + name, key).isPresent()) {
            return false;
        }
        // The rule blocks at requests + 1: the hit that reaches it is the first refused.
        return limits.hit("rate." + name, key, rules.getOrDefault(name, defaultRule)).isEmpty();
    }

    @Override
    public String clientAddress() {
        return SessionUser.currentAddress();
    }
}
