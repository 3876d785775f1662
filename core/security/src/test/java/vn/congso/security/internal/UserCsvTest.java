package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserCsvTest {

    private static final Set<String> UNITS = Set.of("district", "xa-tai-van");
    private static final Set<String> ROLES = Set.of("learner", "trainer");
    private static final String HEADER = "username,full_name,email,phone,unit,roles\n";

    @Test
    void aValidFileGivesOneRowPerUser() {
        UserCsv.Result result = UserCsv.parse("\uFEFF" + HEADER
                + "nguyen.van.a,Nguyễn Văn A,a@tranDe.gov.vn,0299 3851 234,xa-tai-van,learner\n"
                + "\"le.b\",\"Lê Thị B, phó phòng\",,,district,learner;trainer\n", UNITS, ROLES, Set.of());

        assertTrue(result.ok(), result.problems().toString());
        assertEquals(2, result.rows().size());
        assertEquals("Lê Thị B, phó phòng", result.rows().get(1).user().fullName());
        assertEquals(Set.of("learner", "trainer"), result.rows().get(1).user().roles());
        assertEquals(3, result.rows().get(1).line());
    }

    @Test
    void everyProblemNamesItsLineAndNothingIsImported() {
        UserCsv.Result result = UserCsv.parse(HEADER
                + "ok.user,Người Tốt,,,district,learner\n"
                + "Bad User,Tên,,,district,learner\n"
                + "taken,Trùng,,,district,learner\n"
                + "x.y,,not-an-email,abc,nowhere,pilot\n"
                + "ok.user,Lặp lại,,,district,learner\n"
                + "short,line\n"
                + "q,\"unclosed,,,district,learner\n", UNITS, ROLES, Set.of("taken"));

        assertTrue(result.rows().isEmpty(), "all or nothing");
        List<String> found = result.problems().stream().map(p -> p.line() + ":" + p.key()).toList();
        assertEquals(List.of(
                "3:security.user.username.invalid",
                "4:security.user.username.taken",
                "5:security.user.full-name.invalid",
                "5:security.user.email.invalid",
                "5:security.user.phone.invalid",
                "5:security.user.unit.invalid",
                "5:security.user.role.invalid",
                "6:security.import.duplicate",
                "7:security.import.column-count",
                "8:security.import.bad-quotes"), found);
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        assertEquals("security.import.bad-header",
                UserCsv.parse("user,name\nx,y\n", UNITS, ROLES, Set.of()).problems().get(0).key());
        assertEquals("security.import.empty", UserCsv.parse("", UNITS, ROLES, Set.of()).problems().get(0).key());
        assertEquals("security.import.empty", UserCsv.parse(HEADER, UNITS, ROLES, Set.of()).problems().get(0).key());
    }
}
