package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.CurrentUser;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.units.OrgUnit;
import vn.congso.security.internal.units.ReorganisationFile;
import vn.congso.security.internal.units.UnitProblem;
import vn.congso.security.internal.units.UnitService;
import vn.congso.security.internal.units.UnitsStore;

/**
 * Reorganisations of organisational units on a real (embedded) database migrated by the bundle's
 * changelog: the file's form, refusals with their line that change nothing, the 2025 sample
 * applied all or nothing, accounts' unit history, and units resolved as they were or as they are.
 */
class UnitReorganisationTest {

    /** The sample shipped in the distribution's etc/units. */
    static final Path SAMPLE = Path.of("../../karaf-features/distribution/src/main/resources/assembly/etc/units/"
            + "tran-de-2025-sample.csv");
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);

    @TempDir
    Path dir;

    SecurityFixture fixture;
    SecurityService security;
    UnitService units;
    CurrentUser console;

    @BeforeEach
    void start() throws Exception {
        fixture = new SecurityFixture(dir, 5);
        security = fixture.security;
        units = new UnitService(database(fixture.dataSource), fixture.audit, security);
        console = security.system("console:karaf");
        // A plugin's role (core declares none for learners).
        sql("INSERT INTO sec_role (id, name_vi, name_en, built_in, sort_order) VALUES (?, ?, ?, ?, ?)", "learner",
                "Học viên", "Learner", false, 10);
        // A learner who was in Tài Văn since before the reform (the history says so from 2024 on).
        security.call(console, () -> security.createUser(new UserData("hoc.vien.taivan", "Lê Thị Tài Văn", "", "",
                "xa-tai-van", true, Set.of("learner"))));
        sql("UPDATE sec_user_unit SET valid_from = ? WHERE user_id = (SELECT id FROM sec_user WHERE username = ?)",
                java.sql.Date.valueOf("2024-01-01"), "hoc.vien.taivan");
    }

    @Test
    void theSeededUnitsAreTheDistrictAndItsElevenCommunesValidSince2008() {
        List<OrgUnit> today = units.validOn(UnitService.today());
        assertEquals(12, today.size());
        assertEquals(OrgUnit.Level.DISTRICT, today.get(0).level());
        assertTrue(today.stream().skip(1).allMatch(u -> u.level() == OrgUnit.Level.COMMUNE
                && u.parent().orElseThrow().equals("district") && u.validFrom().equals(LocalDate.of(2008, 1, 1))));
        assertEquals(List.of(), units.validOn(LocalDate.of(2007, 12, 31)));
    }

    @Test
    void theFormIsCheckedLineByLine() {
        assertEquals(List.of(UnitProblem.at(0, "units.error.header")), problems(""));
        assertEquals(List.of(UnitProblem.at(1, "units.error.header")), problems("merge,a,b,,,\n"));
        assertEquals(List.of(UnitProblem.at(2, "units.error.date", "2025-13-01")),
                problems("# comment\neffective,2025-13-01,Tên\ncreate,,x,X,commune,\n"));
        List<UnitProblem> many = problems("effective,2025-07-01,T\n\nfuse,a,b,,,\ncreate,,X Y,Tên,commune,\n"
                + "create,,x,Tên,county,\nsplit,a,b,B,,\ncreate,,x,Tên\n");
        assertEquals(List.of(UnitProblem.at(3, "units.error.operation", "fuse"),
                UnitProblem.at(4, "units.error.code", "X Y"), UnitProblem.at(5, "units.error.level", "county"),
                UnitProblem.at(6, "units.error.shape.split"), UnitProblem.at(7, "units.error.columns", 4)), many);
        assertEquals(List.of(UnitProblem.at(0, "units.error.not-text")),
                ReorganisationFile.parse(new byte[] {'e', (byte) 0xC3, 0x28}).problems());
        assertEquals(List.of(UnitProblem.at(0, "units.error.too-large", 512)),
                ReorganisationFile.parse(new byte[ReorganisationFile.MAX_BYTES + 1]).problems());
    }

    @Test
    void aFileNamingAnUnknownUnitIsRefusedAtItsLineAndChangesNothing() throws Exception {
        String before = snapshot();
        UnitService.Outcome outcome = units.applyForConsole(bytes("effective,2025-07-01,T\n"
                + "create,,tp-can-tho,Thành phố Cần Thơ,province,\n"
                + "merge,xa-tai-van;xa-khong-co,xa-moi,Xã Mới,commune,tp-can-tho\n"), "bad.csv", "console:karaf");
        assertFalse(outcome.succeeded());
        assertEquals(List.of(UnitProblem.at(3, "units.error.unknown", "xa-khong-co", EFFECTIVE)), outcome.problems());
        assertEquals(before, snapshot());
        AuditLog.Entry entry = fixture.audit.entries.get(fixture.audit.entries.size() - 1);
        assertEquals(UnitService.AUDIT_ACTION, entry.action());
        assertEquals(AuditLog.Outcome.DENIED, entry.outcome());
    }

    @Test
    void aFileThatLeavesAccountsWithoutAUnitIsRefusedAtTheLineThatEndsTheirUnit() throws Exception {
        String before = snapshot();
        UnitService.Outcome outcome = units.applyForConsole(bytes("effective,2025-07-01,T\n"
                + "merge,xa-vien-an,xa-tai-van,,,\n"
                + "abolish-level,commune,,,,\n"), "orphans.csv", "console:karaf");
        assertEquals(List.of(UnitProblem.at(3, "units.error.orphaned-accounts", "xa-tai-van", 1, "hoc.vien.taivan")),
                outcome.problems());
        assertEquals(before, snapshot());
        // A unit ended by one line cannot be used by a later one.
        assertEquals(List.of(UnitProblem.at(3, "units.error.ended", "xa-vien-an", 2)),
                units.previewForConsole(bytes("effective,2025-07-01,T\nmerge,xa-vien-an,xa-tai-van,,,\n"
                        + "rename,xa-vien-an,xa-vien-an-2,Xã Viên An 2,,\n")).problems());
        // A reorganisation takes effect today or earlier.
        LocalDate tomorrow = UnitService.today().plusDays(1);
        assertEquals(List.of(UnitProblem.at(1, "units.error.future", tomorrow, UnitService.today())),
                units.previewForConsole(bytes("effective," + tomorrow + ",T\nrename,xa-vien-an,xa-va,Xã VA,,\n"))
                        .problems());
    }

    @Test
    void theSampleMergesTheCommunesAbolishesTheDistrictAndKeepsEveryPastFact() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLE);
        UnitService.Outcome preview = units.previewForConsole(sample);
        assertTrue(preview.succeeded(), preview.problems().toString());
        String before = snapshot();
        assertEquals(before, snapshot(), "a preview changes nothing");

        UnitService.Outcome applied = units.applyForConsole(sample, "tran-de-2025-sample.csv", "console:karaf");
        assertTrue(applied.succeeded(), applied.problems().toString());
        assertTrue(applied.reorganisationId() > 0);

        // As it is now: the city and five communes; the district and the eleven are gone from today.
        List<String> today = units.validOn(UnitService.today()).stream().map(OrgUnit::code).toList();
        assertEquals(List.of("tp-can-tho", "xa-tran-de-2025", "xa-lich-hoi-thuong-2025", "xa-lieu-tu-2025",
                "xa-tai-van-2025", "xa-thanh-thoi-an-2025"), today);
        assertTrue(units.validOn(UnitService.today()).stream().skip(1)
                .allMatch(u -> u.parent().orElseThrow().equals("tp-can-tho")));
        assertEquals(List.of("tp-can-tho", "xa-tran-de-2025", "xa-lich-hoi-thuong-2025", "xa-lieu-tu-2025",
                "xa-tai-van-2025", "xa-thanh-thoi-an-2025"),
                security.call(console, security::units).stream().map(u -> u.id()).toList(),
                "new accounts can only get a unit that exists");
        // As it was: the day before, the district and its eleven, with their names.
        assertEquals(12, units.validOn(BEFORE).size());
        assertEquals("Xã Tài Văn", units.unit("xa-tai-van").orElseThrow().name());
        assertEquals(EFFECTIVE, units.unit("xa-tai-van").orElseThrow().validTo().orElseThrow());
        // A fact recorded for Viên An resolves to its successor today, and to itself on its day.
        assertEquals(List.of("xa-tai-van-2025"), codes(units.successors("xa-vien-an", UnitService.today())));
        assertEquals(List.of("xa-vien-an"), codes(units.successors("xa-vien-an", BEFORE)));
        assertEquals(List.of(), codes(units.successors("district", UnitService.today())), "abolished, no successor");
        // The learner moved with the merge, and the history says where she was when.
        assertEquals("xa-tai-van", units.unitOf("hoc.vien.taivan", BEFORE).orElseThrow().code());
        assertEquals("xa-tai-van-2025", units.unitOf("hoc.vien.taivan", EFFECTIVE).orElseThrow().code());
        assertEquals("xa-tai-van-2025", security.call(console, () -> security.person("hoc.vien.taivan"))
                .orElseThrow().unitId());
        // The district's staff (the administrator) went to the city.
        assertEquals("tp-can-tho", units.unitOf("admin", UnitService.today()).orElseThrow().code());
        AuditLog.Entry entry = fixture.audit.entries.get(fixture.audit.entries.size() - 1);
        assertEquals(AuditLog.Outcome.SUCCESS, entry.outcome());
        assertEquals("console:karaf", entry.actor());
        assertTrue(entry.detail().contains("6 new unit(s), 12 ended"), entry.detail());

        // The same file again names units that no longer exist: refused, nothing changes.
        String after = snapshot();
        UnitService.Outcome again = units.applyForConsole(sample, "again.csv", "console:karaf");
        assertEquals("units.error.exists", again.problems().get(0).key());
        assertEquals(after, snapshot());
    }

    @Test
    void splitAndRenameResolveToEveryPartAndTheNewName() throws Exception {
        UnitService.Outcome applied = units.applyForConsole(bytes("effective,2025-07-01,T\n"
                + "split,xa-tai-van,xa-tai-van-a;xa-tai-van-b,Xã Tài Văn A;Xã Tài Văn B,,\n"
                + "rename,xa-tai-van-b,xa-tai-van-bac,Xã Tài Văn Bắc,,\n"), "split.csv", "console:karaf");
        assertTrue(applied.succeeded(), applied.problems().toString());
        assertEquals(List.of("xa-tai-van-a", "xa-tai-van-bac"), codes(units.successors("xa-tai-van",
                UnitService.today())));
        assertEquals("xa-tai-van-a", units.unitOf("hoc.vien.taivan", UnitService.today()).orElseThrow().code(),
                "the first part takes the accounts");
        assertFalse(units.unit("xa-tai-van-b").orElseThrow().validOn(EFFECTIVE), "created and renamed the same day");
    }

    @Test
    void abolishingTheDistrictMovesSurvivingCommunesUpAndTheUnitsOfTheDayBeforeKeepTheirParent() throws Exception {
        // The province is created, the district is renamed under it, then the district level is
        // abolished: the communes that survive end up under the province from the effective day.
        UnitService.Outcome applied = units.applyForConsole(bytes("effective,2025-07-01,T\n"
                + "create,,tp-can-tho,Thành phố Cần Thơ,province,\n"
                + "rename,district,huyen-tran-de-2025,Huyện Trần Đề,,tp-can-tho\n"
                + "abolish-level,district,tp-can-tho,,,\n"), "abolish.csv", "console:karaf");
        assertTrue(applied.succeeded(), applied.problems().toString());
        OrgUnit vienAnBefore = units.validOn(BEFORE).stream().filter(u -> u.code().equals("xa-vien-an")).findFirst()
                .orElseThrow();
        assertEquals("district", vienAnBefore.parent().orElseThrow(), "as it was: under the district");
        OrgUnit vienAnAfter = units.validOn(EFFECTIVE).stream().filter(u -> u.code().equals("xa-vien-an")).findFirst()
                .orElseThrow();
        assertEquals("tp-can-tho", vienAnAfter.parent().orElseThrow(), "as it is: under the province");
        assertTrue(units.validOn(EFFECTIVE).stream().noneMatch(u -> u.level() == OrgUnit.Level.DISTRICT),
                "no district on the effective day");
        assertEquals(12, units.validOn(BEFORE).size(), "the district and its eleven the day before");
    }

    @Test
    void aFailureWhileWritingRollsEverythingBack() throws Exception {
        String before = snapshot();
        DataSource failing = failingOn(fixture.dataSource, "INSERT INTO org_unit_successor");
        UnitService broken = new UnitService(database(failing), fixture.audit, security);
        assertThrows(IllegalStateException.class, () -> broken.applyForConsole(Files.readAllBytes(SAMPLE),
                "sample.csv", "console:karaf"));
        assertEquals(before, snapshot());
        assertEquals(AuditLog.Outcome.FAILURE,
                fixture.audit.entries.get(fixture.audit.entries.size() - 1).outcome());
    }

    @Test
    void previewAndApplyFromTheScreenNeedThePermission() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLE);
        assertThrows(AccessDeniedException.class, () -> units.preview(sample));
        assertThrows(AccessDeniedException.class, () -> units.apply(sample, "sample.csv"));
        assertEquals(AuditLog.Outcome.DENIED, fixture.audit.entries.get(fixture.audit.entries.size() - 1).outcome());
        assertTrue(security.call(console, () -> units.preview(sample)).succeeded());
        assertTrue(security.call(console, () -> units.apply(sample, "sample.csv")).succeeded());
    }

    @Test
    void everyUnitsTextIsInVietnameseAndEnglishAndEveryKeyTheCodeUsesExists() throws Exception {
        java.util.Properties vi = texts("units.properties");
        java.util.Properties en = texts("units_en.properties");
        assertEquals(vi.keySet(), en.keySet());
        Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"(units\\.[a-z.-]+)\"");
        try (var files = Files.walk(Path.of("src/main/java/vn/congso/security/internal"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith(".") || k.equals("units.reorganise"));
        for (String k : used) {
            assertTrue(vi.containsKey(k), "no text for " + k);
        }
        for (String kind : List.of("create", "merge", "split", "rename", "abolish-level")) {
            assertTrue(vi.containsKey("units.error.shape." + kind), kind);
        }
        for (OrgUnit.Level level : OrgUnit.Level.values()) {
            assertTrue(vi.containsKey("units.level." + level.name().toLowerCase(java.util.Locale.ROOT)), level.name());
        }
        assertTrue(used.size() > 40, used.toString());
    }

    private static java.util.Properties texts(String name) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/OSGI-INF/l10n", name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private List<UnitProblem> problems(String text) {
        return ReorganisationFile.parse(bytes(text)).problems();
    }

    private static List<String> codes(List<OrgUnit> list) {
        return list.stream().map(OrgUnit::code).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every row that a reorganisation may change, as text. */
    private String snapshot() throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String query : List.of("SELECT id, name, unit_level, parent_id, valid_from, valid_to FROM org_unit ORDER BY id",
                "SELECT unit_id, successor_id FROM org_unit_successor ORDER BY unit_id, successor_id",
                "SELECT id, title FROM org_reorganisation ORDER BY id",
                "SELECT username, unit_id FROM sec_user ORDER BY username",
                "SELECT user_id, unit_id, valid_from, valid_to FROM sec_user_unit ORDER BY user_id, valid_from")) {
            try (Connection c = fixture.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private void sql(String sql, Object... params) throws SQLException {
        try (Connection c = fixture.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static vn.congso.api.data.Database database(DataSource dataSource) {
        return new vn.congso.api.data.Database() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
    }

    /** A data source whose connections fail to prepare statements that start with {@code prefix}. */
    private static DataSource failingOn(DataSource real, String prefix) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0].toString().startsWith(prefix)) {
                                    throw new SQLException("disk full (test)");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
