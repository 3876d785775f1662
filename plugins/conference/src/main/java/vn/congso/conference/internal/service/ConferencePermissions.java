package vn.congso.conference.internal.service;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;

/**
 * The permissions the conference plugin checks. The two {@code meetings:*} ids of the meeting
 * coordinator role predate the plugin (core seeded them in release 0.1): they are kept as they are.
 */
@Component
public final class ConferencePermissions implements PermissionContribution {

    /** Book, edit and cancel meetings; manage connection points; see every calendar and the readiness board. */
    public static final String BOOKING_MANAGE = "meetings:booking:manage";
    /** Record attendance and minutes. */
    public static final String ATTENDANCE_RECORD = "meetings:attendance:record";
    /** Confirm the readiness checklist of one's own connection point and see its calendar. */
    public static final String READINESS_CONFIRM = "meetings:readiness:confirm";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(BOOKING_MANAGE, "conference.permission.booking-manage"),
                new Permission(ATTENDANCE_RECORD, "conference.permission.attendance-record"),
                new Permission(READINESS_CONFIRM, "conference.permission.readiness-confirm"));
    }
}
