package vn.congso.services.internal.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.units.UnitDirectory;
import vn.congso.api.web.PublicLinks;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/** Makes the package-private service constructor available to the fixture, with a clock the test moves. */
public final class DossierServiceAccess {

    private DossierServiceAccess() {
    }

    public static DossierService create(Database database, CurrentUserService users, AuditLog audit,
            ProcedureCatalogue catalogue, CalendarService calendars, UnitDirectory units, RateLimiter limiter,
            PdfRenderer pdf, PublicLinks links, ServicesConfig config, Supplier<Clock> clock) {
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return clock.get().getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get().instant();
            }
        };
        return new JdbcDossierService(database, users, audit, catalogue, calendars, units, limiter, pdf, links, config,
                moving);
    }

    /** Gives a service made by {@link #create} the platform's notifications, as Declarative Services would. */
    public static void notifications(DossierService service, vn.congso.api.notify.NotificationService notifications) {
        ((JdbcDossierService) service).setNotifications(notifications);
    }

    /** Gives a service made by {@link #create} the platform's accounts, as Declarative Services would. */
    public static void people(DossierService service, vn.congso.api.security.UserDirectory people) {
        ((JdbcDossierService) service).setPeople(people);
    }
}
