package vn.congso.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.DossierService.NewFile;
import vn.congso.services.internal.dossier.DossierService.Submission;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.dossier.Timeliness;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.internal.indicators.OnTimeIndicator;
import vn.congso.services.internal.indicators.OnlineShareIndicator;
import vn.congso.services.internal.indicators.Statistics;

/** The dossier service on Derby with the demo catalogue: every transition allowed and refused, files, look-up, figures. */
class DossierServiceTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0};

    @TempDir
    static Path dir;
    /** One database with the demo for the class (loading 13,031 dossiers takes seconds); each test its own tokens. */
    static ServicesFixture f;

    @BeforeAll
    static void load() throws Exception {
        f = new ServicesFixture(dir.resolve("db"));
        f.become("system:test", "*");
        assertTrue(DemoData.load(f.database, f.catalogue, f.calendars.calendar(), ServicesFixture.NOW));
        assertFalse(DemoData.load(f.database, f.catalogue, f.calendars.calendar(), ServicesFixture.NOW), "loaded twice");
    }

    @BeforeEach
    void setUp() {
        f.clock = Clock.fixed(ServicesFixture.NOW, ZoneOffset.UTC);
        f.limited.set(false);
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        f.unitOf.put("motcua.lieutu", "xa-lieu-tu");
        f.unitOf.put("motcua.huyen", "district");
        f.unitOf.put("chuyenvien.huyen", "district");
        f.unitOf.put("lanhdao.huyen", "district");
        f.unitOf.put("congdan", "xa-tai-van");
    }

    void citizen() {
        f.become("congdan", ServicesPermissions.SUBMIT);
    }

    void officer(String name) {
        f.become(name, ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS, ServicesPermissions.REPORT);
    }

    Map<String, String> birthForm() {
        return Map.of("ho-ten-tre", "Sơn Gia Bảo", "ngay-sinh", "01/03/2026", "gioi-tinh", "Nam", "noi-sinh",
                "Trạm y tế xã Tài Văn", "ho-ten-me", "Sơn Thị Thanh Thảo", "so-dinh-danh", "094190001234", "so-ban-sao", "2");
    }

    Dossier submitBirth(String token) {
        citizen();
        return f.dossiers.submit(new Submission("1.001193", "xa-tai-van", "Sơn Thị Thanh Thảo", "0912 345 678", "",
                birthForm(), List.of(new NewFile("giay-chung-sinh.pdf", PDF)), token), VI);
    }

    long count(String table) {
        return Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)));
    }

    @Test
    void theDemoCatalogueHasTheSeedsSplitAndTheDemoYearTheSeedsOnTimeRate() throws Exception {
        assertEquals(242, f.catalogue.count(ProcedureCatalogue.Filter.ALL));
        ProcedureCatalogue.Filter level3 = new ProcedureCatalogue.Filter("", Optional.empty(), Optional.empty(),
                Optional.of(3), Optional.empty());
        assertEquals(96, f.catalogue.count(level3));
        assertEquals(146, f.catalogue.count(new ProcedureCatalogue.Filter("", Optional.empty(), Optional.empty(),
                Optional.of(4), Optional.empty())));
        List<Procedure> found = f.catalogue.find(ProcedureCatalogue.Filter.words("dang ky ket hon"), 10);
        assertEquals("Đăng ký kết hôn", found.get(0).name());
        assertTrue(f.catalogue.find(ProcedureCatalogue.Filter.words("DANG KY KHAI SINH"), 10).stream()
                .anyMatch(p -> p.code().equals("1.001193")));
        assertEquals(0, f.catalogue.count(ProcedureCatalogue.Filter.words("100%_x")));
        Statistics statistics = new Statistics(f.database, f.units());
        IndicatorValue onTime = new OnTimeIndicator(statistics).compute(Period.year(2025), "");
        assertEquals(12_949, onTime.fraction().orElseThrow().numerator());
        assertEquals(13_031, onTime.fraction().orElseThrow().denominator());
        assertEquals(99.37, onTime.value().getAsDouble(), 0.005);
        assertFalse(onTime.breakdown().isEmpty());
        IndicatorValue online = new OnlineShareIndicator(statistics).compute(Period.year(2025), "");
        assertEquals(DemoData.ONLINE, online.fraction().orElseThrow().numerator());
        // Per unit: the district's own figures only.
        IndicatorValue district = new OnTimeIndicator(statistics).compute(Period.year(2025), "district");
        assertTrue(district.fraction().orElseThrow().denominator() < 13_031);
    }

    @Test
    void aCitizenSubmitsOnceEvenWhenTheFormIsSentTwice() {
        Dossier first = submitBirth("token-1");
        assertEquals(Status.SUBMITTED, first.status());
        assertEquals("xa-tai-van", first.receivingUnit());
        assertEquals("2026-03-01", first.form().get("ngay-sinh"));
        Dossier again = submitBirth("token-1");
        assertEquals(first.id(), again.id());
        assertEquals(1, f.dossiers.mine().stream().filter(x -> x.code().equals(first.code())).count());
        assertEquals(1, f.dossiers.files(first.id()).size());
        assertEquals("application/pdf", f.dossiers.files(first.id()).get(0).mediaType());
        // The receipt: template 01 with the code and a QR link to the public look-up.
        f.dossiers.receipt(first.id());
        Map<String, ?> data = f.rendered.get(f.rendered.size() - 1);
        assertEquals(first.code(), data.get("code"));
        assertEquals("https://congso.trande.example/services/lookup", data.get("lookup"));
    }

    @Test
    void badFormsAndFilesAreRefusedWithNothingSaved() {
        long before = count("svc_dossier");
        long filesBefore = count("svc_dossier_file");
        citizen();
        Map<String, String> form = new java.util.HashMap<>(birthForm());
        form.put("ngay-sinh", "2026-03-01");
        form.put("so-dinh-danh", "12");
        DossierService.FormException e = assertThrows(DossierService.FormException.class,
                () -> f.dossiers.submit(new Submission("1.001193", "xa-tai-van", "", "12", "x@", form, List.of(), "t2"), VI));
        assertEquals(Map.of("ngay-sinh", "services.form.not-date", "so-dinh-danh", "services.form.not-id-number",
                "applicant-name", "services.form.required", "applicant-phone", "services.form.not-phone",
                "applicant-email", "services.form.not-email"),
                e.problems().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        x -> x.getValue().key())));
        // A PNG named .pdf: the content decides.
        WorkflowException wrongType = assertThrows(WorkflowException.class, () -> f.dossiers.submit(new Submission(
                "1.001193", "xa-tai-van", "An", "0912345678", "", birthForm(), List.of(new NewFile("to-khai.pdf", PNG)),
                "t3"), VI));
        assertEquals("services.error.file-type", wrongType.key());
        WorkflowException tooBig = assertThrows(WorkflowException.class, () -> f.dossiers.submit(new Submission(
                "1.001193", "xa-tai-van", "An", "0912345678", "", birthForm(),
                List.of(new NewFile("big.pdf", new byte[1024 * 1024 + 1])), "t4"), VI));
        assertEquals("services.error.file-size", tooBig.key());
        // A district desk for a commune procedure
        assertEquals("services.error.unit", assertThrows(WorkflowException.class, () -> f.dossiers.submit(new Submission(
                "1.001193", "district", "An", "0912345678", "", birthForm(), List.of(), "t5"), VI)).key());
        assertEquals(before, count("svc_dossier"));
        assertEquals(filesBefore, count("svc_dossier_file"));
        // Not a citizen: refused before anything
        f.become("motcua.taivan", ServicesPermissions.RECEIVE);
        assertThrows(AccessDeniedException.class, () -> f.dossiers.submit(new Submission("1.001193", "xa-tai-van", "An",
                "0912345678", "", birthForm(), List.of(), "t6"), VI));
    }

    @Test
    void theDeskReceivesRequestsASupplementAndSettlesOnTime() {
        Dossier d = submitBirth("token-7");
        // Out of order and by the wrong people
        officer("motcua.taivan");
        assertEquals("services.error.out-of-order",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.SETTLE, "", List.of())).key());
        officer("motcua.lieutu");
        assertEquals("services.error.other-unit",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.RECEIVE, "", List.of())).key());
        assertTrue(f.dossiers.get(d.id()).isEmpty(), "an officer of another commune sees the dossier");
        f.become("motcua.taivan", ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> f.dossiers.act(d.id(), Action.RECEIVE, "", List.of()));
        citizen();
        assertThrows(AccessDeniedException.class, () -> f.dossiers.act(d.id(), Action.RECEIVE, "", List.of()));
        assertEquals(Status.SUBMITTED, f.dossiers.get(d.id()).orElseThrow().status());

        officer("motcua.taivan");
        assertTrue(f.dossiers.queue(Optional.of(Status.SUBMITTED), 50).stream().anyMatch(x -> x.id() == d.id()));
        officer("motcua.lieutu");
        assertTrue(f.dossiers.queue(Optional.empty(), 500).stream().noneMatch(x -> x.id() == d.id()),
                "another commune's desk lists the dossier");
        officer("motcua.taivan");
        Dossier received = f.dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        assertEquals(Status.PROCESSING, received.status());
        assertEquals(LocalDate.of(2026, 3, 3), received.dueDate().orElseThrow(), "khai sinh is settled the same day");
        assertEquals("services.error.note-required",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.REQUEST_SUPPLEMENT, " ", List.of())).key());
        Dossier asked = f.dossiers.act(d.id(), Action.REQUEST_SUPPLEMENT, "Bổ sung giấy chứng sinh bản chính", List.of());
        assertEquals(Status.SUPPLEMENT, asked.status());
        assertEquals(Timeliness.NOT_STARTED, f.dossiers.timeliness(asked));

        // Someone else's citizen cannot answer; the owner can, with a file
        f.become("nguoi.khac", ServicesPermissions.SUBMIT);
        assertEquals("services.error.not-yours", assertThrows(WorkflowException.class,
                () -> f.dossiers.act(d.id(), Action.SUPPLEMENT, "", List.of())).key());
        assertThrows(AccessDeniedException.class, () -> f.dossiers.fileContent(f.dossiers.files(d.id()).get(0).id()));
        f.clock = Clock.fixed(Instant.parse("2026-03-04T10:30:00Z"), ZoneOffset.UTC); // 17:30 in Vietnam
        citizen();
        Dossier supplemented = f.dossiers.act(d.id(), Action.SUPPLEMENT, "Đã bổ sung",
                List.of(new NewFile("giay-chung-sinh-ban-chinh.png", PNG)));
        assertEquals(Status.PROCESSING, supplemented.status());
        assertEquals(LocalDate.of(2026, 3, 5), supplemented.dueDate().orElseThrow(), "after 17:00, from the next working day");
        assertEquals(2, f.dossiers.files(d.id()).size());
        assertEquals(PDF.length, f.dossiers.fileContent(f.dossiers.files(d.id()).get(0).id()).length);

        officer("motcua.taivan");
        assertEquals("services.error.not-inter-level",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.TRANSFER, "", List.of())).key());
        f.clock = Clock.fixed(Instant.parse("2026-03-05T03:00:00Z"), ZoneOffset.UTC);
        Dossier settled = f.dossiers.act(d.id(), Action.SETTLE, "", List.of());
        assertEquals(Timeliness.SETTLED_ON_TIME, f.dossiers.timeliness(settled));
        Dossier returned = f.dossiers.act(d.id(), Action.RETURN, "", List.of());
        assertEquals(Status.RETURNED, returned.status());
        assertEquals(List.of("submit", "receive", "request-supplement", "supplement", "settle", "return"),
                f.dossiers.history(d.id()).stream().map(DossierService.Event::action).toList());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.return " + d.code() + " SUCCESS")));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.receive " + d.code() + " DENIED")));
    }

    @Test
    void anInterLevelDossierGoesFromTheCommuneToTheDistrictAndBack() {
        citizen();
        Dossier d = f.dossiers.submit(new Submission("1.001776", "xa-tai-van", "Sơn Văn Bình", "0987654321", "",
                Map.of(), List.of(), "token-inter"), VI);
        officer("motcua.taivan");
        f.dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        assertEquals("services.error.transfer-first",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.SETTLE, "", List.of())).key());
        Dossier moved = f.dossiers.act(d.id(), Action.TRANSFER, "", List.of());
        assertEquals("district", moved.settlingUnit());
        assertEquals("xa-tai-van", moved.receivingUnit(), "the unit at submission is kept");
        // 15 working days from Tuesday 2026-03-03
        assertEquals(LocalDate.of(2026, 3, 24), moved.dueDate().orElseThrow());
        assertEquals("services.error.already-transferred",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.TRANSFER, "", List.of())).key());
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> f.dossiers.act(d.id(), Action.RETURN, "", List.of()));
        f.clock = Clock.fixed(Instant.parse("2026-03-26T03:00:00Z"), ZoneOffset.UTC);
        // Late: held until the district issues its apology with a new appointment (template 04).
        officer("motcua.huyen");
        assertEquals("services.error.apology-first",
                assertThrows(WorkflowException.class, () -> f.dossiers.assign(d.id(), "chuyenvien.huyen", "")).key());
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        f.dossiers.apologise(d.id(), LocalDate.of(2026, 3, 27), "Chờ ý kiến Văn phòng đăng ký đất đai");
        // 15 working days: the procedure's steps. The district desk assigns, the specialist proposes, the leader approves.
        assertEquals("services.error.steps-first",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.SETTLE, "", List.of())).key());
        officer("motcua.huyen");
        f.dossiers.assign(d.id(), "chuyenvien.huyen", "");
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        f.dossiers.act(d.id(), Action.PROPOSE, "Đủ điều kiện hưởng trợ cấp", List.of());
        f.become("lanhdao.huyen", ServicesPermissions.APPROVE);
        Dossier settled = f.dossiers.act(d.id(), Action.APPROVE, "", List.of());
        assertEquals(Timeliness.SETTLED_LATE, f.dossiers.timeliness(settled));
        officer("motcua.huyen");
        assertEquals("services.error.other-unit",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.RETURN, "", List.of())).key());
        officer("motcua.taivan");
        assertEquals(Status.RETURNED, f.dossiers.act(d.id(), Action.RETURN, "", List.of()).status());
    }

    @Test
    void theAnonymousLookUpShowsOnlyStatusAndDueDateAndIsLimited() {
        Dossier d = submitBirth("token-look");
        f.anonymous();
        var found = f.dossiers.lookup(d.code().toLowerCase(Locale.ROOT), "5678").orElseThrow();
        assertEquals(Status.SUBMITTED, found.status());
        assertEquals(Optional.empty(), f.dossiers.lookup(d.code(), "5679"));
        assertEquals(Optional.empty(), f.dossiers.lookup("HS-000000-XXXXXX", "5678"));
        assertEquals(Optional.empty(), f.dossiers.lookup(d.code(), "56a8"));
        assertThrows(AccessDeniedException.class, () -> f.dossiers.receipt(d.id()));
        f.limited.set(true);
        assertThrows(DossierService.TooManyLookupsException.class, () -> f.dossiers.lookup(d.code(), "5678"));
    }

    @Test
    void withdrawingIsTheOwnersOnlyBeforeTheResult() {
        Dossier d = submitBirth("token-w");
        assertEquals(Status.WITHDRAWN, f.dossiers.act(d.id(), Action.WITHDRAW, "", List.of()).status());
        officer("motcua.taivan");
        assertEquals("services.error.out-of-order",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.RECEIVE, "", List.of())).key());
    }

    @Test
    void aDeadlineInAYearWithoutCalendarIsRefusedClearly() {
        Dossier d = submitBirth("token-gap");
        f.clock = Clock.fixed(Instant.parse("2028-01-04T02:00:00Z"), ZoneOffset.UTC);
        officer("motcua.taivan");
        WorkflowException e = assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.RECEIVE, "", List.of()));
        assertEquals("services.error.calendar-gap", e.key());
        assertEquals(List.of(2028), e.args());
        f.clock = Clock.fixed(ServicesFixture.NOW, ZoneOffset.UTC);
        assertEquals(Status.SUBMITTED, f.dossiers.get(d.id()).orElseThrow().status());
    }

    @Test
    void theDistrictAssignsASpecialistWhoProposesAndTheLeaderApprovesOrSendsBack() {
        citizen();
        Dossier d = f.dossiers.submit(new Submission("1.001776", "xa-tai-van", "Sơn Văn Bình", "0987654321", "",
                Map.of(), List.of(), "token-steps"), VI);
        officer("motcua.taivan");
        Dossier received = f.dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        assertEquals("receive", received.step());
        assertEquals("services.error.transfer-first",
                assertThrows(WorkflowException.class, () -> f.dossiers.assign(d.id(), "chuyenvien.huyen", "")).key());
        f.dossiers.act(d.id(), Action.TRANSFER, "", List.of());
        // Each step's own deadline: the desk half a day, the specialist 13.5 days, the leader 1 day.
        Dossier moved = f.dossiers.get(d.id()).orElseThrow();
        assertEquals(List.of(java.time.LocalDateTime.of(2026, 3, 4, 12, 0), java.time.LocalDateTime.of(2026, 3, 23, 17, 0),
                java.time.LocalDateTime.of(2026, 3, 24, 17, 0)),
                f.dossiers.schedule(moved).stream().map(x -> x.due()).toList());

        officer("motcua.huyen");
        assertEquals(List.of("chuyenvien.huyen", "motcua.huyen"),
                f.dossiers.assignees(d.id()).stream().map(p -> p.username()).toList());
        // Not a specialist of the district today, a leader, unknown, disabled: refused, nothing changes.
        f.people.put("chuyenvien.nghi", new vn.congso.api.security.UserDirectory.Person("chuyenvien.nghi", "Nghỉ", "",
                "district", false, java.util.Set.of(ServicesRoles.SPECIALIST)));
        f.unitOf.put("chuyenvien.nghi", "district");
        for (String wrong : List.of("motcua.taivan", "lanhdao.huyen", "khong.co", "chuyenvien.nghi", "")) {
            assertEquals("services.error.assignee", assertThrows(WorkflowException.class,
                    () -> f.dossiers.assign(d.id(), wrong, "")).key(), wrong);
        }
        assertEquals("", f.dossiers.get(d.id()).orElseThrow().assignee());
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> f.dossiers.assign(d.id(), "chuyenvien.huyen", ""));
        officer("motcua.huyen");
        Dossier assigned = f.dossiers.assign(d.id(), "chuyenvien.huyen", "Ưu tiên xử lý");
        assertEquals("specialist", assigned.step());
        assertEquals("chuyenvien.huyen", assigned.assignee());

        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        assertEquals("services.error.steps-first",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.SETTLE, "", List.of())).key());
        f.unitOf.put("chuyenvien2.huyen", "district");
        f.become("chuyenvien2.huyen", ServicesPermissions.PROCESS);
        assertEquals("services.error.not-assignee",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.PROPOSE, "", List.of())).key());
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        assertEquals("leader", f.dossiers.act(d.id(), Action.PROPOSE, "Đề xuất chấp thuận", List.of()).step());
        assertThrows(AccessDeniedException.class, () -> f.dossiers.act(d.id(), Action.APPROVE, "", List.of()));

        f.become("lanhdao.huyen", ServicesPermissions.APPROVE, ServicesPermissions.REPORT);
        assertTrue(f.dossiers.queue(Optional.of(Status.PROCESSING), 500).stream().anyMatch(x -> x.id() == d.id()),
                "the leader's queue");
        assertEquals("services.error.note-required",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.SEND_BACK, " ", List.of())).key());
        Dossier back = f.dossiers.act(d.id(), Action.SEND_BACK, "Bổ sung biên bản xác minh", List.of());
        assertEquals("specialist", back.step());
        assertEquals("services.error.wrong-step",
                assertThrows(WorkflowException.class, () -> f.dossiers.act(d.id(), Action.APPROVE, "", List.of())).key());
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        f.dossiers.act(d.id(), Action.PROPOSE, "Đã bổ sung biên bản", List.of());
        f.become("lanhdao.huyen", ServicesPermissions.APPROVE);
        Dossier settled = f.dossiers.act(d.id(), Action.APPROVE, "", List.of());
        assertEquals(Status.SETTLED, settled.status());
        assertEquals("", settled.step());
        assertEquals(Timeliness.SETTLED_ON_TIME, f.dossiers.timeliness(settled));
        officer("motcua.taivan");
        assertEquals(Status.RETURNED, f.dossiers.act(d.id(), Action.RETURN, "", List.of()).status());
        assertEquals(List.of("submit", "receive", "transfer", "assign", "propose", "send-back", "propose", "approve", "return"),
                f.dossiers.history(d.id()).stream().map(DossierService.Event::action).toList());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.approve " + d.code() + " SUCCESS")));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.propose " + d.code() + " DENIED")));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.assign " + d.code() + " DENIED")));
    }

    @Test
    void theCatalogueAdministratorSetsTheStepsShares() {
        assertEquals(new vn.congso.services.internal.dossier.StepPlan(1, 27, 2), f.dossiers.stepPlan("1.001776"));
        officer("motcua.huyen");
        assertThrows(AccessDeniedException.class, () -> f.dossiers.setStepPlan("1.001776", 2, 4));
        f.become("quantri.dvc", ServicesPermissions.CATALOGUE);
        assertEquals("services.steps.error.shares",
                assertThrows(WorkflowException.class, () -> f.dossiers.setStepPlan("1.001776", 20, 20)).key());
        assertEquals("services.steps.error.leader",
                assertThrows(WorkflowException.class, () -> f.dossiers.setStepPlan("1.001776", 2, 0)).key());
        assertEquals(new vn.congso.services.internal.dossier.StepPlan(1, 27, 2), f.dossiers.stepPlan("1.001776"));
        assertEquals(new vn.congso.services.internal.dossier.StepPlan(2, 24, 4), f.dossiers.setStepPlan("1.001776", 2, 4));
        assertEquals(new vn.congso.services.internal.dossier.StepPlan(2, 24, 4), f.dossiers.stepPlan("1.001776"));
        assertEquals(new vn.congso.services.internal.dossier.StepPlan(1, 26, 3), f.dossiers.setStepPlan("1.001776", 1, 3));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.steps 1.001776 SUCCESS")));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.steps 1.001776 DENIED")));
        f.dossiers.setStepPlan("1.001776", 1, 2);
    }

    @Test
    void theQueueIsWhatTheUnitReceivesOrSettlesOldestDueFirstAndItsCountsAgree() {
        Dossier inter = submitBirth("queue-own");
        // Handed over by Tài Văn to the district (liên thông): in both units' queues, once each.
        long handed = Jdbc.transaction(f.database.dataSource(), c -> {
            Jdbc.update(c, "INSERT INTO svc_dossier (code, procedure_code, applicant, applicant_name, phone, email, channel,"
                    + " receiving_unit, settling_unit, status, submitted_at, received_at, due_date, note, form_data, submit_token)"
                    + " VALUES ('HS-QUEUE-1', '1.001193', '', 'Lâm Văn An', '0912000111', '', 'counter', 'xa-tai-van',"
                    + " 'district', 'processing', ?, ?, ?, '', '', 'queue-handed')", ServicesFixture.NOW, ServicesFixture.NOW,
                    LocalDate.of(2025, 12, 1));
            return Jdbc.one(c, "SELECT id FROM svc_dossier WHERE code = 'HS-QUEUE-1'", rs -> rs.getLong(1));
        });
        for (String officer : List.of("motcua.taivan", "motcua.huyen")) {
            officer(officer);
            String unit = f.unitOf.get(officer);
            List<Long> expected = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.list(c, "SELECT id FROM svc_dossier"
                    + " WHERE (receiving_unit = ? OR settling_unit = ?) AND status IN ('submitted', 'processing', 'supplement',"
                    + " 'settled') ORDER BY due_date, submitted_at, id", rs -> rs.getLong(1), unit, unit));
            assertFalse(expected.isEmpty(), unit);
            assertEquals(expected, f.dossiers.queue(Optional.empty(), 1000).stream().map(Dossier::id).toList(), unit);
            assertEquals(expected.subList(0, 3), f.dossiers.queue(Optional.empty(), 3).stream().map(Dossier::id).toList());
            java.util.Map<Status, Integer> counts = f.dossiers.queueCounts();
            for (Status s : List.of(Status.SUBMITTED, Status.PROCESSING, Status.SUPPLEMENT, Status.SETTLED)) {
                int n = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c, "SELECT COUNT(*) FROM svc_dossier WHERE"
                        + " (receiving_unit = ? OR settling_unit = ?) AND status = ?", rs -> rs.getInt(1), unit, unit, s.code()));
                assertEquals(n, counts.get(s), unit + " " + s);
                assertEquals(f.dossiers.queue(Optional.of(s), 1000).size(), n, unit + " " + s);
            }
        }
        officer("motcua.taivan");
        assertTrue(f.dossiers.queue(Optional.of(Status.SUBMITTED), 1000).stream().anyMatch(x -> x.id() == inter.id()));
        assertEquals(handed, f.dossiers.queue(Optional.empty(), 1).get(0).id(), "the oldest due first");
        officer("motcua.huyen");
        assertEquals(handed, f.dossiers.queue(Optional.of(Status.PROCESSING), 1).get(0).id(), "the oldest due first");
        // The code filter searches the whole queue, in any case; LIKE's own characters match nothing.
        assertEquals(List.of(handed), f.dossiers.queue(Optional.empty(), "queue-1", 1).stream().map(Dossier::id).toList());
        assertEquals(List.of(), f.dossiers.queue(Optional.of(Status.SUBMITTED), "QUEUE-1", 10));
        assertEquals(List.of(), f.dossiers.queue(Optional.empty(), "%", 10));
        assertEquals(List.of(), f.dossiers.queue(Optional.empty(), "HS_", 10));
        officer("motcua.huyen");
        assertTrue(f.dossiers.queue(Optional.empty(), 1000).stream().noneMatch(x -> x.id() == inter.id()),
                "another unit's own dossier is not in the district's queue");
    }

    @Test
    void theDesksWatchesPickDueSoonOverdueAndOwnDossiersAsTheirTimelinessSaysAndCountThem() {
        // 2026-03-03 (Tuesday) is today; due-soon covers today and the next working day (dueSoonDays = 1).
        String[][] rows = {{"HS-WATCH-LATE", "2026-02-27", ""}, {"HS-WATCH-TODAY", "2026-03-03", ""},
            {"HS-WATCH-NEXT", "2026-03-04", "motcua.taivan"}, {"HS-WATCH-LATER", "2026-03-05", "motcua.taivan"},
            {"HS-WATCH-FAR", "2026-03-20", ""}};
        for (String[] r : rows) {
            Jdbc.transaction(f.database.dataSource(), c -> Jdbc.update(c, "INSERT INTO svc_dossier (code, procedure_code,"
                    + " applicant, applicant_name, phone, email, channel, receiving_unit, settling_unit, status, submitted_at,"
                    + " received_at, due_date, note, form_data, submit_token, step, assignee) VALUES (?, '1.001193', '',"
                    + " 'Lâm Văn An', '0912000111', '', 'counter', 'xa-tai-van', 'xa-tai-van', 'processing', ?, ?, ?, '', '',"
                    + " ?, '', ?)", r[0], ServicesFixture.NOW, ServicesFixture.NOW, LocalDate.parse(r[1]), "watch-" + r[0], r[2]));
        }
        officer("motcua.taivan");
        List<Dossier> processing = f.dossiers.queue(Optional.of(Status.PROCESSING), 1000);
        java.util.Map<DossierService.Watch, Integer> counts = f.dossiers.watchCounts();
        for (DossierService.Watch w : DossierService.Watch.values()) {
            List<Long> expected = processing.stream().filter(d -> switch (w) {
                case OVERDUE -> f.dossiers.timeliness(d) == Timeliness.OVERDUE;
                case DUE_SOON -> f.dossiers.timeliness(d) == Timeliness.DUE_SOON;
                case MINE -> d.assignee().equals("motcua.taivan");
            }).map(Dossier::id).toList();
            assertEquals(expected, f.dossiers.watched(w, "", 1000).stream().map(Dossier::id).toList(), w.code());
            assertEquals(expected.size(), counts.get(w), w.code());
        }
        java.util.function.Function<DossierService.Watch, List<String>> codes = w -> f.dossiers.watched(w, "watch", 1000)
                .stream().map(Dossier::code).toList();
        assertEquals(List.of("HS-WATCH-LATE"), codes.apply(DossierService.Watch.OVERDUE));
        assertEquals(List.of("HS-WATCH-TODAY", "HS-WATCH-NEXT"), codes.apply(DossierService.Watch.DUE_SOON));
        assertEquals(List.of("HS-WATCH-NEXT", "HS-WATCH-LATER"), codes.apply(DossierService.Watch.MINE));
        // The desk counts each watch and lists it when chosen in its filter.
        // Vaadin holds the current UI weakly: kept reachable here until the finally block.
        com.vaadin.flow.component.UI current = new com.vaadin.flow.component.UI();
        com.vaadin.flow.component.UI.setCurrent(current);
        try {
            vn.congso.services.internal.ui.DeskView desk = desk();
            assertEquals("services.watch.overdue: " + counts.get(DossierService.Watch.OVERDUE),
                    component(desk, "services-desk-count-overdue", com.vaadin.flow.component.html.Span.class).getText());
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.select.Select<String> filter = component(desk, "services-desk-filter",
                    com.vaadin.flow.component.select.Select.class);
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<Dossier> grid = component(desk, "services-desk-grid",
                    com.vaadin.flow.component.grid.Grid.class);
            filter.setValue("mine");
            assertEquals(List.of("HS-WATCH-NEXT", "HS-WATCH-LATER"), grid.getListDataView().getItems().map(Dossier::code)
                    .filter(c -> c.startsWith("HS-WATCH")).toList());
            component(desk, "services-desk-code", com.vaadin.flow.component.textfield.TextField.class).setValue("watch-far");
            assertEquals(List.of(), grid.getListDataView().getItems().toList(), "FAR is not assigned to the officer");
            component(desk, "services-desk-code", com.vaadin.flow.component.textfield.TextField.class).setValue("");
            filter.setValue("overdue");
            assertEquals(List.of("HS-WATCH-LATE"), grid.getListDataView().getItems().map(Dossier::code)
                    .filter(c -> c.startsWith("HS-WATCH")).toList());
            assertEquals(counts.get(DossierService.Watch.OVERDUE), (int) grid.getListDataView().getItemCount());
            // The dossier open below stays open while a search still lists it, and closes when it no longer does.
            grid.select(grid.getListDataView().getItems().filter(d -> d.code().equals("HS-WATCH-LATE")).findFirst()
                    .orElseThrow());
            com.vaadin.flow.component.textfield.TextField code = component(desk, "services-desk-code",
                    com.vaadin.flow.component.textfield.TextField.class);
            code.setValue("watch-la");
            assertEquals(List.of("HS-WATCH-LATE"), grid.getSelectedItems().stream().map(Dossier::code).toList());
            assertTrue(component(desk, "services-dossier-title", com.vaadin.flow.component.html.H3.class).getText()
                    .startsWith("HS-WATCH-LATE"));
            code.setValue("watch-far");
            assertTrue(grid.getSelectedItems().isEmpty());
            assertTrue(descendants(desk).noneMatch(c -> "services-dossier-title".equals(c.getId().orElse(null))));
        } finally {
            com.vaadin.flow.component.UI.setCurrent(null);
            java.lang.ref.Reference.reachabilityFence(current);
        }
        // Another officer of the unit has none of his own; the district does not see the commune's watches.
        officer("motcua.huyen");
        assertTrue(f.dossiers.watched(DossierService.Watch.OVERDUE, "watch", 1000).isEmpty());
    }

    @Test
    void theDemoHasADossierLateTodayThatWaitsForItsApologyLetter() {
        // NOW is Tuesday 3 March 2026: received (and due, a same-day procedure) three working days before.
        assertEquals(LocalDate.of(2026, 2, 26), DemoData.lateDue(f.calendars.calendar(), ServicesFixture.NOW));
        officer("motcua.taivan");
        Dossier late = f.dossiers.queue(Optional.of(Status.PROCESSING), DemoData.LATE_DOSSIER, 10).stream().findFirst()
                .orElseThrow(() -> new AssertionError("the late dossier is not on Tài Văn's desk"));
        assertEquals(DemoData.LATE_PROCEDURE, late.procedureCode());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 26)), late.dueDate());
        assertEquals(Timeliness.OVERDUE, f.dossiers.timeliness(late));
        assertTrue(f.dossiers.needsApology(late));
        assertFalse(f.dossiers.stepPlan(late.procedureCode()).stepped(), "the desk settles it itself");
        // Refused until the letter; read only, so the other tests see the demo as loaded.
        assertEquals("services.error.apology-first", assertThrows(WorkflowException.class,
                () -> f.dossiers.act(late.id(), Action.SETTLE, "", List.of())).key());
        assertEquals(Status.PROCESSING, f.dossiers.get(late.id()).orElseThrow().status());
    }

    @Test
    void theDesksCodeSearchFindsADossierBeyondTheFirstRowsOfTheQueue() {
        // 250 dossiers due before the one looked for: the desk shows the first 200 of the queue, oldest due first.
        Jdbc.transaction(f.database.dataSource(), c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO svc_dossier (code, procedure_code, applicant,"
                    + " applicant_name, phone, email, channel, receiving_unit, settling_unit, status, submitted_at, received_at,"
                    + " due_date, note, form_data, submit_token) VALUES (?, '1.001193', '', 'Thạch Văn Ngọc', '0912000222', '',"
                    + " 'counter', 'xa-lieu-tu', 'xa-lieu-tu', 'processing', ?, ?, ?, '', '', ?)")) {
                for (int i = 0; i <= 250; i++) {
                    Jdbc.bind(ps, i < 250 ? String.format("HS-MANY-%03d", i) : "HS-FAR-7Q2K", ServicesFixture.NOW,
                            ServicesFixture.NOW, i < 250 ? LocalDate.of(2026, 3, 10) : LocalDate.of(2026, 4, 30), "many-" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        try {
            officer("motcua.lieutu");
            assertTrue(f.dossiers.queue(Optional.empty(), 200).stream().noneMatch(d -> d.code().equals("HS-FAR-7Q2K")),
                    "the dossier is beyond the first 200 of the queue");
            for (String typed : List.of("HS-FAR-7Q2K", "far-7q", " 7Q2K ")) {
                assertEquals(List.of("HS-FAR-7Q2K"), f.dossiers.queue(Optional.empty(), typed, 200).stream()
                        .map(Dossier::code).toList(), typed);
                assertEquals(List.of("HS-FAR-7Q2K"), f.dossiers.queue(Optional.of(Status.PROCESSING), typed, 200).stream()
                        .map(Dossier::code).toList(), typed);
            }
            assertEquals(List.of(), f.dossiers.queue(Optional.of(Status.SUBMITTED), "far-7q", 200));
            // The desk passes what is typed to that search instead of filtering the rows it shows.
            // Vaadin holds the current UI weakly: kept reachable here until the finally block.
            com.vaadin.flow.component.UI current = new com.vaadin.flow.component.UI();
            com.vaadin.flow.component.UI.setCurrent(current);
            try {
                vn.congso.services.internal.ui.DeskView desk = desk();
                @SuppressWarnings("unchecked")
                com.vaadin.flow.component.grid.Grid<Dossier> grid = component(desk, "services-desk-grid",
                        com.vaadin.flow.component.grid.Grid.class);
                assertEquals(200, grid.getListDataView().getItemCount());
                assertFalse(grid.getListDataView().getItems().anyMatch(d -> d.code().equals("HS-FAR-7Q2K")));
                component(desk, "services-desk-code", com.vaadin.flow.component.textfield.TextField.class).setValue("far-7q");
                assertEquals(List.of("HS-FAR-7Q2K"), grid.getListDataView().getItems().map(Dossier::code).toList());
            } finally {
                com.vaadin.flow.component.UI.setCurrent(null);
                java.lang.ref.Reference.reachabilityFence(current);
            }
            List<Dossier> many = f.dossiers.queue(Optional.empty(), "hs-many-", 200);
            assertEquals(200, many.size());
            assertTrue(many.stream().allMatch(d -> d.code().startsWith("HS-MANY-")));
            // Another unit's officer does not find it, whatever is typed.
            officer("motcua.taivan");
            assertEquals(List.of(), f.dossiers.queue(Optional.empty(), "FAR-7Q2K", 200));
        } finally {
            Jdbc.transaction(f.database.dataSource(), c -> Jdbc.update(c,
                    "DELETE FROM svc_dossier WHERE submit_token LIKE 'many-%'"));
        }
    }

    /** The desk screen, built server-side with translation keys for texts (call with a current UI). */
    private vn.congso.services.internal.ui.DeskView desk() {
        vn.congso.api.TranslationService keys = new vn.congso.api.TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                // The date pickers' names of months and days are lists.
                return key.equals("picker.months") ? "1,2,3,4,5,6,7,8,9,10,11,12"
                        : key.startsWith("picker.weekdays") ? "2,3,4,5,6,7,CN" : key;
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(VI);
            }
        };
        return new vn.congso.services.internal.ui.DeskView(f.dossiers, f.catalogue, f.units(), keys,
                vn.congso.services.internal.payment.TestPayments.of(f, Clock.fixed(ServicesFixture.NOW, ZoneOffset.UTC)));
    }

    /** A component of a screen by its id. */
    static <T extends com.vaadin.flow.component.Component> T component(com.vaadin.flow.component.Component root, String id,
            Class<T> type) {
        return descendants(root).filter(c -> id.equals(c.getId().orElse(null))).findFirst().map(type::cast)
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.getChildren().flatMap(DossierServiceTest::descendants));
    }

    @Test
    void theFiguresKeptPerDayFollowEachSubmissionAndSettlementAndAgreeWithTheDossiers() {
        Statistics statistics = new Statistics(f.database, f.units());
        Period year = Period.year(2026);
        Statistics.Row before = Statistics.row(statistics.byUnit(year.startInstant(), year.endInstant()), "xa-tai-van");
        Dossier d = submitBirth("day-totals");
        officer("motcua.taivan");
        f.dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        f.clock = Clock.fixed(ServicesFixture.NOW.plusSeconds(3600), ZoneOffset.UTC);
        assertEquals(Boolean.TRUE, f.dossiers.act(d.id(), Action.SETTLE, "", List.of()).onTime().orElseThrow());
        Statistics.Row after = Statistics.row(statistics.byUnit(year.startInstant(), year.endInstant()), "xa-tai-van");
        assertEquals(new Statistics.Row("xa-tai-van", before.settled() + 1, before.onTime() + 1, before.submitted() + 1,
                before.online() + 1), after);
        // The demo year (written in bulk) and this one (through the service): the same as counting the dossiers.
        for (Period p : List.of(Period.year(2025), year)) {
            assertEquals(statistics.fromDossiers(p.startInstant(), p.endInstant()),
                    statistics.byUnit(p.startInstant(), p.endInstant()));
        }
    }

    @Test
    void theDeskEntersAWalkInCitizensPaperDossierAsReceivedAtTheCounter() {
        Statistics statistics = new Statistics(f.database, f.units());
        IndicatorValue before = new OnlineShareIndicator(statistics).compute(Period.year(2026), "");
        long dossiers = count("svc_dossier");
        long files = count("svc_dossier_file");
        officer("motcua.taivan");
        // Wrong identity number and phone, a PNG named .pdf, a file over the limit: refused, nothing saved.
        DossierService.FormException bad = assertThrows(DossierService.FormException.class, () -> f.dossiers.enterAtCounter(
                new DossierService.CounterEntry("1.001193", "Thạch Thị Hồng", "12", "0941", "", birthForm(), List.of(),
                        "counter-bad"), VI));
        assertEquals(java.util.Set.of("applicant-phone", "applicant-id-number"), bad.problems().keySet());
        assertEquals("services.error.file-type", assertThrows(WorkflowException.class, () -> f.dossiers.enterAtCounter(
                new DossierService.CounterEntry("1.001193", "Thạch Thị Hồng", "0909123456", "094190009999", "", birthForm(),
                        List.of(new NewFile("to-khai.pdf", PNG)), "counter-png"), VI)).key());
        assertEquals("services.error.file-size", assertThrows(WorkflowException.class, () -> f.dossiers.enterAtCounter(
                new DossierService.CounterEntry("1.001193", "Thạch Thị Hồng", "0909123456", "094190009999", "", birthForm(),
                        List.of(new NewFile("to-khai.pdf", new byte[1024 * 1024 + 1])), "counter-big"), VI)).key());
        // The district's desk does not take a commune's procedure; a citizen enters nothing.
        officer("motcua.huyen");
        assertEquals("services.error.unit", assertThrows(WorkflowException.class, () -> f.dossiers.enterAtCounter(
                new DossierService.CounterEntry("1.001193", "Thạch Thị Hồng", "0909123456", "094190009999", "", birthForm(),
                        List.of(), "counter-district"), VI)).key());
        citizen();
        assertThrows(AccessDeniedException.class, () -> f.dossiers.enterAtCounter(new DossierService.CounterEntry("1.001193",
                "Thạch Thị Hồng", "0909123456", "094190009999", "", birthForm(), List.of(), "counter-citizen"), VI));
        assertEquals(dossiers, count("svc_dossier"));
        assertEquals(files, count("svc_dossier_file"));

        officer("motcua.taivan");
        DossierService.CounterEntry entry = new DossierService.CounterEntry("1.001193", "Thạch Thị Hồng", "0909 123 456",
                "0941 9000 9999", "", birthForm(), List.of(new NewFile("to-khai-scan.pdf", PDF)), "counter-1");
        Dossier d = f.dossiers.enterAtCounter(entry, VI);
        assertEquals(Dossier.COUNTER, d.channel());
        assertEquals("", d.applicant(), "a paper dossier has no account");
        assertEquals(Status.PROCESSING, d.status());
        assertEquals(LocalDate.of(2026, 3, 3), d.dueDate().orElseThrow());
        assertEquals("xa-tai-van", d.receivingUnit());
        assertEquals(d.id(), f.dossiers.enterAtCounter(entry, VI).id(), "entered twice");
        assertEquals(dossiers + 1, count("svc_dossier"));
        assertEquals("application/pdf", f.dossiers.files(d.id()).get(0).mediaType());
        assertEquals("094190009999", Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c,
                "SELECT applicant_id_number FROM svc_dossier WHERE id = ?", rs -> rs.getString(1), d.id())));
        assertEquals(List.of("submit", "receive"), f.dossiers.history(d.id()).stream().map(DossierService.Event::action).toList());
        assertEquals("motcua.taivan", f.dossiers.history(d.id()).get(0).actor());
        f.dossiers.receipt(d.id());
        assertEquals("Trực tiếp", f.rendered.get(f.rendered.size() - 1).get("channel"));
        assertEquals("<p>Số định danh cá nhân: 094190009999</p>",
                ((vn.congso.api.pdf.PdfRenderer.Markup) f.rendered.get(f.rendered.size() - 1).get("idNumber")).xhtml());
        // Another desk's token cannot fetch it.
        officer("motcua.lieutu");
        assertEquals("services.error.token", assertThrows(WorkflowException.class,
                () -> f.dossiers.enterAtCounter(entry, VI)).key());
        // The online share counts it as not online.
        IndicatorValue after = new OnlineShareIndicator(statistics).compute(Period.year(2026), "");
        assertEquals(before.fraction().orElseThrow().numerator(), after.fraction().orElseThrow().numerator());
        assertEquals(before.fraction().orElseThrow().denominator() + 1, after.fraction().orElseThrow().denominator());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.submit " + d.code() + " SUCCESS")));
    }
}
