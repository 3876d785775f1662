package vn.congso.services.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;

/** The permissions the services plugin checks, declared so administrators can grant them. */
@Component
public final class ServicesPermissions implements PermissionContribution {

    /** Submit an online dossier and follow one's own dossiers (citizens). */
    public static final String SUBMIT = "services:dossier:submit";
    /** Receive, hand over, request a supplement, refuse and return at the one-stop desk. */
    public static final String RECEIVE = "services:dossier:receive";
    /** Settle dossiers of one's unit. */
    public static final String PROCESS = "services:dossier:process";
    /** Read the statistics. */
    public static final String REPORT = "services:report:view";
    /** Edit the procedure catalogue and the e-forms. */
    public static final String CATALOGUE = "services:catalogue:manage";
    /** Edit the working-day calendar. */
    public static final String CALENDAR = "services:calendar:manage";
    /** Approve (or send back) the result a specialist proposes, and assign specialists: the unit's leader. */
    public static final String APPROVE = "services:dossier:approve";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(SUBMIT, "services.permission.submit"),
                new Permission(RECEIVE, "services.permission.receive"),
                new Permission(PROCESS, "services.permission.process"),
                new Permission(REPORT, "services.permission.report"),
                new Permission(CALENDAR, "services.permission.calendar"),
                new Permission(CATALOGUE, "services.permission.catalogue"),
                new Permission(APPROVE, "services.permission.approve"));
    }
}
