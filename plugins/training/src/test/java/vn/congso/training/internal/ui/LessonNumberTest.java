package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The course page numbers its lessons once: "Bài 1 | Làm quen…", not "Bài 1 | Bài 1. Làm quen…". */
class LessonNumberTest {

    @Test
    void theTitlesOwnNumberIsNotRepeated() {
        assertEquals("Làm quen với máy tính", CourseView.withoutNumber("Bài 1. Làm quen với máy tính", 1));
        assertEquals("Soạn thảo văn bản", CourseView.withoutNumber("BÀI 2: Soạn thảo văn bản", 2));
        assertEquals("Bảng tính", CourseView.withoutNumber("Bài 3 Bảng tính", 3));
        assertEquals("E-mail and safety", CourseView.withoutNumber("Lesson 4 - E-mail and safety", 4));
        assertEquals("Dịch vụ công", CourseView.withoutNumber("05. Dịch vụ công", 5));
    }

    @Test
    void otherNumbersAndOrdinaryTitlesStay() {
        assertEquals("3 bước nộp hồ sơ", CourseView.withoutNumber("3 bước nộp hồ sơ", 3));
        assertEquals("Bài 2. Soạn thảo", CourseView.withoutNumber("Bài 2. Soạn thảo", 1));
        assertEquals("Bài 12. Chữ ký số", CourseView.withoutNumber("Bài 12. Chữ ký số", 1));
        assertEquals("1.5 triệu hồ sơ", CourseView.withoutNumber("1.5 triệu hồ sơ", 1));
        assertEquals("Bài 1", CourseView.withoutNumber("Bài 1", 1));
    }
}
