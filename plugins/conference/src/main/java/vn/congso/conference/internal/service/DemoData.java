package vn.congso.conference.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.DemoAccount;
import vn.congso.api.security.RunAs;
import vn.congso.api.text.Formats;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.PointStatus;
import vn.congso.conference.internal.domain.Recurrence;

/**
 * On the first start with {@code demoData = true} (PID {@value ConferenceConfig#PID}): one connection
 * point per organisational unit of the district (the district office is the hub), a coordinator and
 * one technical contact per point as demo accounts, and a year of weekly briefings for every point
 * and monthly provincial relays (first Thursday). Only when there is no point yet.
 */
@Component(service = DemoData.class, immediate = true, configurationPid = ConferenceConfig.PID)
public final class DemoData {

    static final String ACTOR = "system:conference-demo";
    private final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * Loads the demo once.
     *
     * @param database the database
     * @param service the conference service
     * @param units the organisational units
     * @param runAs to act as {@value #ACTOR}
     * @param provisioning the demo accounts
     * @param roles the declared roles, so they exist first
     * @param config whether to load
     */
    @Activate
    public DemoData(@Reference Database database, @Reference ConferenceService service, @Reference UnitDirectory units,
            @Reference RunAs runAs, @Reference AccountProvisioning provisioning, @Reference ConferenceRoles roles,
            ConferenceConfig config) {
        if (!config.demoData()) {
            return;
        }
        try {
            if (hasPoints(database)) {
                return;
            }
            runAs.call(runAs.system(ACTOR), () -> load(service, units, provisioning));
        } catch (Exception e) {
            log.error("Conference demo data could not be loaded", e);
        }
    }

    private static boolean hasPoints(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM conf_point");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    static Void load(ConferenceService service, UnitDirectory units, AccountProvisioning provisioning) {
        LocalDate today = LocalDate.now(Formats.ZONE);
        List<OrgUnit> district = units.validOn(today).stream()
                .filter(u -> u.level() == OrgUnit.Level.DISTRICT || u.level() == OrgUnit.Level.COMMUNE).toList();
        List<DemoAccount> accounts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long hub = 0;
        int n = 0;
        for (OrgUnit unit : district) {
            boolean isHub = unit.level() == OrgUnit.Level.DISTRICT;
            String contact = "kythuat." + unit.code();
            long id = service.savePoint(new ConnectionPoint(0, unit.code(), unit.name(), isHub,
                    isHub ? "Hội trường UBND huyện" : "Phòng họp trực tuyến", unit.name() + ", Trần Đề, Sóc Trăng",
                    isHub ? "Camera PTZ, 4 micro bàn, màn hình 86 inch, bộ mã hóa" : "Camera hội nghị, micro, TV 55 inch",
                    "Kỹ thuật viên " + unit.name(), "0299 38" + String.format("%05d", ++n), contact, isHub ? 120 : 40,
                    PointStatus.AVAILABLE));
            ids.add(id);
            if (isHub) {
                hub = id;
            }
            accounts.add(new DemoAccount(contact, "Kỹ thuật viên " + unit.name(), unit.code(),
                    Set.of(ConferenceRoles.TECHNICIAN)));
        }
        if (ids.isEmpty()) {
            return null;
        }
        if (hub == 0) {
            hub = ids.get(0);
        }
        String hubUnit = district.stream().filter(u -> u.level() == OrgUnit.Level.DISTRICT).map(OrgUnit::code)
                .findFirst().orElse(district.get(0).code());
        accounts.add(0, new DemoAccount("dieuphoi.huyen", "Điều phối họp huyện", hubUnit, Set.of(ConferenceRoles.COORDINATOR)));
        provisioning.createDemoAccounts(accounts);

        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDateTime briefing = monday.atTime(7, 30);
        service.book(new BookingRequest("Giao ban tuần UBND huyện", "## Nội dung\n\n1. Kết quả tuần qua\n2. Nhiệm vụ tuần tới",
                "Chủ tịch UBND huyện", hub, new HashSet<>(ids), briefing, briefing.plusMinutes(90),
                new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY), null, null, 52), Set.of(),
                BookingRequest.Visibility.INTERNAL));
        LocalDate firstThursday = today.plusMonths(1).withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY));
        LocalDateTime relay = firstThursday.atTime(14, 0);
        service.book(new BookingRequest("Hội nghị trực tuyến của UBND tỉnh (truyền về xã)", "Theo giấy mời của UBND tỉnh.",
                "Chủ tịch UBND tỉnh", hub, new HashSet<>(ids), relay, relay.plusHours(3),
                new Recurrence(Recurrence.Frequency.MONTHLY, 1, Set.of(), Recurrence.MonthlyBy.WEEKDAY, null, 12), Set.of(),
                BookingRequest.Visibility.INTERNAL));
        return null;
    }
}
