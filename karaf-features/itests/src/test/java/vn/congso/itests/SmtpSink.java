package vn.congso.itests;

import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * GreenMail's SMTP server on 127.0.0.1 inside the container, for tests of the notification
 * service. GreenMail is a bundle the test installs; its classes are reached through that bundle
 * by reflection, so that the Pax Exam probe (whose imports bnd computes from the classes it
 * references) does not require packages the container has only once the test has run.
 */
final class SmtpSink implements AutoCloseable {

    private final Object server;
    private final Class<?> type;

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @param greenMail the started GreenMail bundle
     */
    SmtpSink(Bundle greenMail) throws ReflectiveOperationException {
        Class<?> setupType = greenMail.loadClass("com.icegreen.greenmail.util.ServerSetup");
        Object setup = setupType.getConstructor(int.class, String.class, String.class)
                .newInstance(0, "127.0.0.1", "smtp");
        setup = setupType.getMethod("dynamicPort").invoke(setup);
        type = greenMail.loadClass("com.icegreen.greenmail.util.GreenMail");
        server = type.getConstructor(setupType).newInstance(setup);
        call("start");
    }

    /** @return the port it listens on */
    int port() throws ReflectiveOperationException {
        Object smtp = call("getSmtp");
        return (Integer) smtp.getClass().getMethod("getPort").invoke(smtp);
    }

    /**
     * @param count how many messages to wait for in all
     * @param millis how long
     * @return every message received so far, once there are {@code count}
     */
    List<MimeMessage> await(int count, long millis) throws ReflectiveOperationException {
        boolean arrived = (Boolean) type.getMethod("waitForIncomingEmail", long.class, int.class)
                .invoke(server, millis, count);
        MimeMessage[] received = (MimeMessage[]) call("getReceivedMessages");
        if (!arrived) {
            throw new AssertionError("fewer than " + count + " message(s) arrived within " + millis + " ms: "
                    + received.length);
        }
        return List.of(received);
    }

    private Object call(String method) throws ReflectiveOperationException {
        try {
            return type.getMethod(method).invoke(server);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public void close() throws ReflectiveOperationException {
        call("stop");
    }
}
