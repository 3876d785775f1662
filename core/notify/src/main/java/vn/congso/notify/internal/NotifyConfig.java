package vn.congso.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the notification service, PID {@value Notifications#PID}
 * ({@code etc/vn.congso.notify.cfg}). Names and descriptions are in
 * {@code OSGI-INF/l10n/metatype*.properties}.
 */
@ObjectClassDefinition(id = Notifications.PID, localization = "OSGI-INF/l10n/metatype", name = "%notify.name",
        description = "%notify.description")
@interface NotifyConfig {

    /** The SMTP server's host name; empty keeps every message in the outbox. */
    @AttributeDefinition(name = "%notify.smtpHost.name", description = "%notify.smtpHost.description", required = false)
    String smtpHost() default "";

    /** The SMTP server's port. */
    @AttributeDefinition(name = "%notify.smtpPort.name", description = "%notify.smtpPort.description", min = "1",
            max = "65535")
    int smtpPort() default 587;

    /** How the connection is protected. */
    @AttributeDefinition(name = "%notify.security.name", description = "%notify.security.description", options = {
            @Option(value = "none", label = "%notify.security.none"),
            @Option(value = "starttls", label = "%notify.security.starttls"),
            @Option(value = "ssl", label = "%notify.security.ssl")})
    String security() default "starttls";

    /** The user name to sign in to the server with; empty for a server that takes mail without. */
    @AttributeDefinition(name = "%notify.username.name", description = "%notify.username.description", required = false)
    String username() default "";

    /** The password of {@link #username()}. */
    @AttributeDefinition(name = "%notify.password.name", description = "%notify.password.description",
            type = AttributeType.PASSWORD, required = false)
    String password() default "";

    /** The sender's address. */
    @AttributeDefinition(name = "%notify.fromAddress.name", description = "%notify.fromAddress.description")
    String fromAddress() default "congso@localhost";

    /** The sender's name as mail programs show it. */
    @AttributeDefinition(name = "%notify.fromName.name", description = "%notify.fromName.description", required = false)
    String fromName() default "Cổng Số";

    /** How many times a message is tried again after its first attempt failed, before it is held. */
    @AttributeDefinition(name = "%notify.retryCount.name", description = "%notify.retryCount.description", min = "0")
    int retryCount() default 5;

    /** The wait before the first retry; each further retry waits twice as long as the one before. */
    @AttributeDefinition(name = "%notify.retryBackoffSeconds.name",
            description = "%notify.retryBackoffSeconds.description", min = "1")
    int retryBackoffSeconds() default 60;

    /** The longest a connection to the server, or a reply from it, may take. */
    @AttributeDefinition(name = "%notify.timeoutSeconds.name", description = "%notify.timeoutSeconds.description",
            min = "1")
    int timeoutSeconds() default 30;
}
