package vn.congso.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A transaction the database rolls back for a transient reason runs again; any other failure does not. */
class JdbcTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    private DataSource dataSource() {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> commits.incrementAndGet();
                        case "rollback" -> rollbacks.incrementAndGet();
                        default -> {
                        }
                    }
                    return null;
                });
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> "getConnection".equals(method.getName()) ? connection : null);
    }

    @Test
    void aDeadlockOrLockTimeoutRunsTheWorkAgainAndItsResultIsReturned() {
        AtomicInteger runs = new AtomicInteger();
        String result = Jdbc.transaction(dataSource(), c -> {
            if (runs.incrementAndGet() < 3) {
                throw new SQLException("A lock could not be obtained due to a deadlock", runs.get() == 1 ? "40001" : "40XL1");
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(3, runs.get());
        assertEquals(2, rollbacks.get());
        assertEquals(1, commits.get());
    }

    @Test
    void aConstraintViolationIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Jdbc.transaction(dataSource(), c -> {
            runs.incrementAndGet();
            throw new SQLException("duplicate key", "23505");
        }));
        assertEquals("23505", ((SQLException) e.getCause()).getSQLState());
        assertEquals(1, runs.get());
        assertEquals(0, commits.get());
    }

    @Test
    void aTransientFailureThatKeepsComingEndsAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> Jdbc.transaction(dataSource(), c -> {
            runs.incrementAndGet();
            throw new SQLException("deadlock", "40001");
        }));
        assertEquals(Jdbc.ATTEMPTS, runs.get());
        assertEquals(Jdbc.ATTEMPTS, rollbacks.get());
    }
}
