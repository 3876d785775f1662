package vn.congso.admin.internal;

/** The lifecycle state of a plugin as an administrator sees it. */
public enum PluginState {
    /** Started and running. */
    ACTIVE,
    /** Resolved but never started (for example a library bundle). */
    RESOLVED,
    /** Installed but not resolved: some of its requirements are missing. */
    INSTALLED,
    /** Meant to run but does not: it cannot resolve or start, or a component or its migration failed. */
    FAILED,
    /** Stopped by an administrator. */
    STOPPED
}
