package vn.congso.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * The Karaf console over SSH as the {@code bench} administrator of {@link Karaf#adminUser}, one
 * authenticated session per command (Karaf ends a session after each command).
 */
final class KarafConsole {
    private final SshClient client;
    private final Karaf.Ports ports;
    private final String password;

    KarafConsole(SshClient client, Karaf.Ports ports, String password) {
        this.client = client;
        this.ports = ports;
        this.password = password;
    }

    /**
     * Starts the SSH client for an instance this program started on loopback (no host key to
     * check) and waits until the platform's plugin commands answer (the HTTP shell answers
     * before every bundle has started).
     */
    static KarafConsole connect(SshClient client, Karaf.Ports ports, String password) throws InterruptedException {
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        KarafConsole console = new KarafConsole(client, ports, password);
        Karaf.await(() -> console.answers("congso:plugin-list"), 120_000);
        return console;
    }

    /** A session opened and authenticated now, so that timing a command leaves the handshake out. */
    Ready prepare() throws Exception {
        ClientSession session = client.connect("bench", "127.0.0.1", ports.ssh())
                .verify(30, TimeUnit.SECONDS).getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(30, TimeUnit.SECONDS);
        return new Ready(session);
    }

    String run(String command) throws Exception {
        return prepare().run(command);
    }

    boolean answers(String command) {
        try {
            return !run(command).contains("Command not found");
        } catch (Exception e) {
            return false;
        }
    }

    /** An authenticated session waiting for its one command. */
    record Ready(ClientSession session) {
        /** Runs the command in an exec channel, closes the session and returns the output. */
        String run(String command) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (session; ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(30, TimeUnit.SECONDS);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(120));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
