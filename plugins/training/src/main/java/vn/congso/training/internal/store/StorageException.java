package vn.congso.training.internal.store;

import java.sql.SQLException;

/** The database failed; nothing of the failed transaction was kept. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps a database error.
     *
     * @param cause the error
     */
    public StorageException(SQLException cause) {
        super(cause == null ? "database error" : cause.getMessage(), cause);
    }
}
