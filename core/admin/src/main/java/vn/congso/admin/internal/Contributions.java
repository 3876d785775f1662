package vn.congso.admin.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import vn.congso.core.spi.ScreenStatus;

/**
 * What each bundle contributes now, by bundle id: screen routes and their problems (from the
 * shell's {@link ScreenStatus}) and permission ids (fed by the component's dynamic references to
 * {@link vn.congso.api.security.PermissionContribution} services).
 */
final class Contributions {

    private final Map<Long, Map<Object, List<String>>> permissions = new ConcurrentHashMap<>();
    private volatile ScreenStatus screens;

    void screens(ScreenStatus status) {
        this.screens = status;
    }

    synchronized void forgetScreens(ScreenStatus status) {
        if (screens == status) {
            screens = null;
        }
    }

    /** What went wrong with a bundle's screens; empty while the shell is not there. */
    List<ScreenStatus.Problem> screenProblems(long bundleId) {
        ScreenStatus status = screens;
        return status == null ? List.of() : status.problems(bundleId);
    }

    void addPermissions(long bundleId, Object key, List<String> values) {
        permissions.computeIfAbsent(bundleId, id -> new ConcurrentHashMap<>()).put(key, List.copyOf(values));
    }

    void removePermissions(long bundleId, Object key) {
        remove(permissions, bundleId, key);
    }

    List<String> routesOf(long bundleId) {
        ScreenStatus status = screens;
        return status == null ? List.of() : status.routes(bundleId);
    }

    List<String> permissionsOf(long bundleId) {
        return flatten(permissions.get(bundleId));
    }

    boolean contributes(long bundleId) {
        return !routesOf(bundleId).isEmpty() || permissions.containsKey(bundleId);
    }

    private static void remove(Map<Long, Map<Object, List<String>>> map, long bundleId, Object key) {
        map.computeIfPresent(bundleId, (id, byKey) -> {
            byKey.remove(key);
            return byKey.isEmpty() ? null : byKey;
        });
    }

    private static List<String> flatten(Map<Object, List<String>> byKey) {
        if (byKey == null) {
            return List.of();
        }
        TreeSet<String> all = new TreeSet<>();
        byKey.values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
