package vn.congso.security.internal.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import vn.congso.api.security.PermissionContribution;

/**
 * The permissions declared by the bundles present now, for the roles matrix; it follows
 * plugins as they come and go.
 */
@Component(service = PermissionRegistry.class)
public final class PermissionRegistry {

    /**
     * A declared permission.
     *
     * @param permission the permission
     * @param descriptionKey translation key of its description
     * @param bundle symbolic name of the declaring bundle
     */
    public record Declared(String permission, String descriptionKey, String bundle) {
    }

    private final Map<ServiceReference<PermissionContribution>, List<Declared>> declared = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(PermissionContribution contribution, ServiceReference<PermissionContribution> reference) {
        List<Declared> list = new ArrayList<>();
        String bundle = reference.getBundle() == null ? "" : reference.getBundle().getSymbolicName();
        for (PermissionContribution.Permission p : contribution.permissions()) {
            list.add(new Declared(p.permission(), p.descriptionKey(), bundle));
        }
        declared.put(reference, list);
        listeners.forEach(Runnable::run);
    }

    void removeContribution(PermissionContribution contribution, ServiceReference<PermissionContribution> reference) {
        declared.remove(reference);
        listeners.forEach(Runnable::run);
    }

    /** Every declared permission, ordered. */
    public List<Declared> permissions() {
        List<Declared> all = new ArrayList<>();
        declared.values().forEach(all::addAll);
        all.sort(Comparator.comparing(Declared::permission));
        return all;
    }

    /** Runs when declarations change (on a non-UI thread). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Stops notifying. */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
