package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;

/** Saving a form from the designer: one transaction, audited, and dossiers keep the form they were filled in with. */
class FormVersionsTest {

    @TempDir
    Path dir;

    ServicesFixture f;

    static final Procedure PROCEDURE = new Procedure("9.000001", "Thủ tục thử", "ho-tich", Procedure.Level.COMMUNE, false,
            "Luật thử", "Tờ khai", "Không", 0, 3, "Giấy xác nhận", 4, Procedure.OnlineClass.FULL, "Nộp trực tuyến", 1);

    @BeforeEach
    void setUp() throws Exception {
        f = new ServicesFixture(dir.resolve("db"));
        f.become("admin", ServicesPermissions.CATALOGUE);
    }

    @Test
    void aDossierKeepsTheFormItWasFilledInWith() throws Exception {
        // The form as it was before the designer existed: rows only, no saved version.
        f.catalogue.save(PROCEDURE, List.of());
        Jdbc.transaction(f.database.dataSource(), c -> Jdbc.update(c, "INSERT INTO svc_form_field (procedure_code, position,"
                + " field_key, label, field_type, required, max_length, choices, help) VALUES (?, 0, 'ten-cu', 'Tên cũ',"
                + " 'text', TRUE, 100, '', '')", PROCEDURE.code()));
        Instant filledBefore = Instant.parse("2024-05-01T03:00:00Z");
        List<FormField> v1 = f.catalogue.form(PROCEDURE.code());
        assertEquals("Tên cũ", v1.get(0).label());

        List<FormField> v2 = List.of(FormField.text("ten-moi", "Tên mới", true, 50),
                FormField.of("ngay", "Ngày", FieldType.DATE, false));
        f.catalogue.saveForm(PROCEDURE.code(), v2);
        Instant between = Instant.now();
        Thread.sleep(5);
        List<FormField> v3 = List.of(FormField.text("ten-moi", "Tên mới nhất", true, 50));
        f.catalogue.saveForm(PROCEDURE.code(), v3);

        assertEquals(v3, f.catalogue.form(PROCEDURE.code()));
        assertEquals(v1, f.catalogue.formAt(PROCEDURE.code(), filledBefore), "a dossier from 2024 shows the old labels");
        assertEquals(v2, f.catalogue.formAt(PROCEDURE.code(), between));
        assertEquals(v3, f.catalogue.formAt(PROCEDURE.code(), Instant.now()));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.form 9.000001 SUCCESS")), f.audit.toString());
    }

    @Test
    void savingTheSameFormAddsNoVersion() {
        List<FormField> form = List.of(FormField.text("ten", "Tên", true, 50));
        f.catalogue.save(PROCEDURE, form);
        f.catalogue.saveForm(PROCEDURE.code(), form);
        assertEquals(1, versions());
    }

    @Test
    void refusedWithoutThePermissionOrForAnUnknownProcedure() {
        f.catalogue.save(PROCEDURE, List.of(FormField.text("ten", "Tên", true, 50)));
        f.become("officer", ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class,
                () -> f.catalogue.saveForm(PROCEDURE.code(), List.of(FormField.text("khac", "Khác", true, 50))));
        f.become("admin", ServicesPermissions.CATALOGUE);
        assertEquals("services.designer.error.procedure", assertThrows(IllegalArgumentException.class,
                () -> f.catalogue.saveForm("0.000000", List.of(FormField.text("khac", "Khác", true, 50)))).getMessage());
        assertEquals("ten", f.catalogue.form(PROCEDURE.code()).get(0).key());
        assertEquals(1, versions());
    }

    @Test
    void aFailingSaveLeavesTheOldForm() {
        f.catalogue.save(PROCEDURE, List.of(FormField.text("ten", "Tên", true, 50)));
        // The second field breaks a column limit inside the transaction: nothing of the new form stays.
        String tooLong = "x".repeat(300);
        assertThrows(RuntimeException.class, () -> f.catalogue.saveForm(PROCEDURE.code(),
                List.of(FormField.text("moi", "Mới", true, 50), FormField.text("dai", tooLong, true, 50))));
        assertEquals(List.of(FormField.text("ten", "Tên", true, 50)), f.catalogue.form(PROCEDURE.code()));
        assertEquals(1, versions());
    }

    private int versions() {
        return Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c,
                "SELECT COUNT(*) FROM svc_form_version WHERE procedure_code = ?", rs -> rs.getInt(1), PROCEDURE.code()));
    }
}
