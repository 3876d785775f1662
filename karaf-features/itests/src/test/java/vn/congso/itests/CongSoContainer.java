package vn.congso.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.security.PrivilegedExceptionAction;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Pax Exam options every container test shares: the reactor's distribution zip (a {@code file:}
 * URL, never a stale copy from the local repository), its own ports so tests can run beside a
 * developer's platform, Karaf's Java 9+ boot options and the build's local Maven repository.
 */
final class CongSoContainer {

    static final String KARAF_VERSION = System.getProperty("karaf.version", "4.4.10");

    /** The ports one container listens on, all on loopback. */
    record Ports(int http, int ssh, int rmiRegistry, int rmiServer) {
    }

    private CongSoContainer() {
    }

    /**
     * @param unpackDirectory where Pax Exam unpacks the distribution, relative to the module
     * @param ports the container's ports
     * @return the options, to which a test adds its own
     */
    static List<Option> options(String unpackDirectory, Ports ports) {
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + requiredFile("congso.distribution.zip"))
                        .karafVersion(KARAF_VERSION)
                        .name("CongSo")
                        .unpackDirectory(new File(unpackDirectory))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/vn.congso.ui.cfg", "port", String.valueOf(ports.http())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports.ssh())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(ports.rmiRegistry())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(ports.rmiServer()))));
        options.addAll(KarafJavaOptions.java9PlusBootOptions(KARAF_VERSION));
        if (Boolean.getBoolean("congso.itests.keepRuntimeFolder")) {
            options.add(keepRuntimeFolder()); // debugging aid: -Dcongso.itests.keepRuntimeFolder=true
        }
        String localRepo = System.getProperty("maven.repo.local");
        if (localRepo != null && !localRepo.isBlank()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepo));
        }
        return options;
    }

    /**
     * @param property a system property set by the build (see failsafe's configuration)
     * @return the absolute path of the file it names
     */
    static String requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException("system property " + property + " must name an existing file, was "
                    + value + " (build the reactor first: mvn install -DskipTests)");
        }
        return new File(value).getAbsolutePath();
    }

    /**
     * Waits until a service of the named class is registered and activated (its object obtained,
     * which waits for a Declarative Services component's constructor), for example a plugin
     * component whose activation declares roles.
     *
     * @param context a bundle context in the container
     * @param objectClass the service's class name
     * @param millis how long to wait
     * @throws InterruptedException when interrupted
     */
    static void awaitService(BundleContext context, String objectClass, long millis) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(objectClass=" + objectClass + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
        try {
            if (tracker.waitForService(millis) == null) {
                throw new IllegalStateException(objectClass + " was not there within " + millis + " ms");
            }
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits until Karaf has installed its boot features (its {@code BootFinished} service is
     * registered). Until then the shell answers an unknown address with "the system is
     * starting", not "not found".
     *
     * @param context a bundle context in the container
     * @param millis how long to wait
     * @throws InterruptedException when interrupted
     */
    static void awaitBootFinished(BundleContext context, long millis) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context,
                    context.createFilter("(objectClass=org.apache.karaf.features.BootFinished)"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
        try {
            if (tracker.waitForService(millis) == null) {
                throw new IllegalStateException("Karaf did not finish installing its boot features in " + millis
                        + " ms");
            }
        } finally {
            tracker.close();
        }
    }

    /**
     * Runs a console command in the container as the Karaf user {@code itest} with the admin
     * role, as an SSH session would; a refusal thrown by the command is printed as
     * {@code EXCEPTION …}, so a test can assert both what a script sees and that it failed.
     *
     * @param sessionFactory the container's shell session factory
     * @param command the command line
     * @param label the test's name, for the printed log
     * @return everything the command printed
     */
    static String shell(SessionFactory sessionFactory, String command, String label) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
            Session session = sessionFactory.create(System.in, out, out);
            try {
                session.execute(command);
            } catch (Exception e) {
                out.println("EXCEPTION " + e);
            } finally {
                session.close();
            }
            return null;
        });
        out.flush();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.println("[" + label + "] " + command + "\n" + printed);
        return printed;
    }
}
