package vn.congso.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metatype description of PID {@code vn.congso.ui}, so {@code config:meta} and metatype tools
 * show what each key of {@code etc/vn.congso.ui.cfg} means. The values themselves are read by
 * {@link UiConfig#from} in the {@link Activator}'s managed service (Jetty must start before any
 * DS component of this bundle could), whose defaults {@code UiConfigMetatypeTest} holds equal to
 * these.
 *
 * <p>bnd writes a metatype {@code Designate} only for a class carrying {@code @Component}; this
 * bundle does not process DS annotations (see its pom), so the annotation here only names the PID.
 */
@Component(configurationPid = UiConfig.PID)
@Designate(ocd = UiConfigMetatype.Definition.class)
final class UiConfigMetatype {

    private UiConfigMetatype() {
    }

    /** The shell's settings; names and descriptions in {@code OSGI-INF/l10n/metatype*.properties}. */
    @ObjectClassDefinition(id = UiConfig.PID, localization = "OSGI-INF/l10n/metatype", name = "%ui.name",
            description = "%ui.description")
    @interface Definition {

        /** @return the address Jetty binds to */
        @AttributeDefinition(name = "%ui.host.name", description = "%ui.host.description")
        String host() default "127.0.0.1";

        /** @return the HTTP port */
        @AttributeDefinition(name = "%ui.port.name", description = "%ui.port.description", min = "1", max = "65535")
        int port() default 8181;

        /** @return the active theme */
        @AttributeDefinition(name = "%ui.theme.name", description = "%ui.theme.description")
        String theme() default "default";

        /** @return the Vaadin heartbeat interval */
        @AttributeDefinition(name = "%ui.heartbeatSeconds.name", description = "%ui.heartbeatSeconds.description",
                min = "10")
        int heartbeatSeconds() default 60;

        /** @return the idle session lifetime */
        @AttributeDefinition(name = "%ui.sessionTimeoutMinutes.name",
                description = "%ui.sessionTimeoutMinutes.description", min = "1")
        int sessionTimeoutMinutes() default 30;

        /** @return the trusted reverse proxies */
        @AttributeDefinition(name = "%ui.trustedProxies.name", description = "%ui.trustedProxies.description")
        String trustedProxies() default "";
    }
}
