package vn.congso.conference.internal.domain;

/** Whether a connection point can be booked. */
public enum PointStatus {
    /** Bookable. */
    AVAILABLE,
    /** Under maintenance: every booking involving it is refused. */
    MAINTENANCE
}
