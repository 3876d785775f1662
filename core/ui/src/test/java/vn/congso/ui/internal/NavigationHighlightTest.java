package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A child page highlights the navigation entry a user reached it from. */
class NavigationHighlightTest {

    private static final List<String> TRAINING = List.of("training", "training/manage/courses",
            "training/manage/questions", "training/manage/exams", "training/reports", "training/manage/certificates",
            "admin/users", "admin/roles");

    @Test
    void aCoursePageHighlightsTheCatalogue() {
        assertEquals(Optional.of("training"), NavigationModel.highlighted("training/course/3", TRAINING));
        assertEquals(Optional.of("training"), NavigationModel.highlighted("training/lesson/3/12", TRAINING));
    }

    @Test
    void anEditorHighlightsItsList() {
        assertEquals(Optional.of("training/manage/courses"),
                NavigationModel.highlighted("training/manage/course/5", TRAINING));
    }

    @Test
    void anEntryIsItsOwnHighlightAndUnrelatedPagesHighlightNothing() {
        assertEquals(Optional.of("training/reports"), NavigationModel.highlighted("training/reports", TRAINING));
        assertEquals(Optional.of("admin/roles"), NavigationModel.highlighted("admin/roles", TRAINING));
        assertEquals(Optional.empty(), NavigationModel.highlighted("login", TRAINING));
        assertEquals(Optional.empty(), NavigationModel.highlighted("admin/plugins", TRAINING));
        assertEquals(Optional.empty(), NavigationModel.highlighted("", List.of("", "training")));
    }
}
