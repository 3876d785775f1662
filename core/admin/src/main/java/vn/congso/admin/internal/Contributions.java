package vn.congso.admin.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each bundle contributes now, by bundle id: view routes and permission ids. Fed by the
 * component's dynamic references to {@link vn.congso.api.ViewContribution} and
 * {@link vn.congso.api.security.PermissionContribution} services.
 */
final class Contributions {

    private final Map<Long, Map<Object, List<String>>> routes = new ConcurrentHashMap<>();
    private final Map<Long, Map<Object, List<String>>> permissions = new ConcurrentHashMap<>();

    void addRoutes(long bundleId, Object key, List<String> values) {
        routes.computeIfAbsent(bundleId, id -> new ConcurrentHashMap<>()).put(key, List.copyOf(values));
    }

    void removeRoutes(long bundleId, Object key) {
        remove(routes, bundleId, key);
    }

    void addPermissions(long bundleId, Object key, List<String> values) {
        permissions.computeIfAbsent(bundleId, id -> new ConcurrentHashMap<>()).put(key, List.copyOf(values));
    }

    void removePermissions(long bundleId, Object key) {
        remove(permissions, bundleId, key);
    }

    List<String> routesOf(long bundleId) {
        return flatten(routes.get(bundleId));
    }

    List<String> permissionsOf(long bundleId) {
        return flatten(permissions.get(bundleId));
    }

    boolean contributes(long bundleId) {
        return routes.containsKey(bundleId) || permissions.containsKey(bundleId);
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
