package vn.congso.api.security;

/**
 * Thrown by a service method when the current user lacks the permission it needs. Views
 * catch it and say so; a view is never the only door.
 */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String permission;

    /**
     * Creates the refusal.
     *
     * @param permission the permission that was missing
     */
    public AccessDeniedException(String permission) {
        super("Permission required: " + permission);
        this.permission = permission;
    }

    /**
     * The permission that was missing.
     *
     * @return the permission
     */
    public String permission() {
        return permission;
    }
}
