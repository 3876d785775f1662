package vn.congso.security.internal;

import java.util.List;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import vn.congso.api.security.SelfRegistration;

/**
 * The platform's {@link SelfRegistration}, one instance per calling bundle (a bundle-scoped
 * service), so that the bundle that opens a role and the bundle that registers into it are known
 * from the framework, not from what the caller says.
 */
@Component(service = SelfRegistration.class, scope = ServiceScope.BUNDLE)
public final class SelfRegistrationService implements SelfRegistration {

    private final SelfRegistrations registrations;
    private final String bundle;

    /** Starts the instance for the bundle that got the service. */
    @Activate
    public SelfRegistrationService(@Reference SecurityService security, ComponentContext context) {
        this(security.selfRegistrations(), context.getUsingBundle().getSymbolicName());
    }

    SelfRegistrationService(SelfRegistrations registrations, String bundle) {
        this.registrations = registrations;
        this.bundle = bundle;
    }

    @Override
    public void openRole(String roleId, String route, String linkKey) {
        registrations.open(bundle, roleId, route, linkKey);
    }

    @Override
    public List<Problem> check(String roleId, Applicant applicant, char[] password) {
        return registrations.check(bundle, roleId, applicant, password);
    }

    @Override
    public String register(String roleId, Applicant applicant, char[] password) {
        return registrations.register(bundle, roleId, applicant, password);
    }
}
