package vn.congso.security.internal.ui;

import java.time.Duration;
import java.util.Optional;

/**
 * A service as a page that is there before it sees it: the sign-in page is registered as soon as
 * the shell and the translations are there, before the database has started, so a visitor can
 * type while the platform finishes starting; a sign-in submitted in that time waits here for the
 * security service.
 *
 * @param <S> the service type
 */
final class ServiceGate<S> {

    private final Object lock = new Object();
    private S service;

    /** The service has come. */
    void arrived(S arrived) {
        synchronized (lock) {
            service = arrived;
            lock.notifyAll();
        }
    }

    /** The service has gone (only forgets it if it is the one known). */
    void left(S gone) {
        synchronized (lock) {
            if (service == gone) {
                service = null;
            }
        }
    }

    /**
     * The service, waiting for it at most {@code max}.
     *
     * @return the service, or empty if it did not come in time or the thread was interrupted
     */
    Optional<S> await(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (service == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            return Optional.of(service);
        }
    }
}
