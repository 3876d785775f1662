package vn.congso.training.internal.service;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import vn.congso.training.internal.question.QuestionType;

/**
 * Figures for trainers and managers: per course and per exam, overall and by unit (the district
 * office and its communes), per-question statistics, CSV export and server-side SVG charts.
 * Everything needs {@link TrainingPermissions#REPORT_VIEW}.
 */
public interface ReportService {

    /**
     * Counts for one group of learners.
     *
     * @param enrolled people enrolled (for an exam: people of its course, the same as the course's
     *     report, or who attempted a standalone exam)
     * @param inProgress enrolled people who started (viewed a lesson or an attempt) but have not completed
     * @param completed people who completed (course: every lesson viewed and the exam passed; exam: passed)
     * @param graded people with at least one graded attempt
     * @param passed people whose counting result passes
     * @param averagePercentage mean counting result of the graded people; empty when none
     */
    record Counts(int enrolled, int inProgress, int completed, int graded, int passed,
            OptionalDouble averagePercentage) {

        /** @return people counted who have neither studied a lesson nor sat the exam */
        public int notStarted() {
            return enrolled - inProgress - completed;
        }

        /** @return passed people as a share of graded people, 0–100; empty when none was graded */
        public OptionalDouble passRate() {
            return graded == 0 ? OptionalDouble.empty() : OptionalDouble.of(passed * 100.0 / graded);
        }
    }

    /**
     * The counts of one unit.
     *
     * @param unitId the unit id (empty for people without a known unit)
     * @param unitName its name
     * @param counts its figures
     */
    record UnitRow(String unitId, String unitName, Counts counts) {
    }

    /**
     * One question's statistics in an exam (Moodle's indexes, over each learner's first graded attempt).
     *
     * @param questionId the question
     * @param title its title, or the start of its text
     * @param type its type
     * @param answered how many graded attempts contained it
     * @param facility mean score 0–100
     * @param discrimination correlation with the rest of the exam, −100 to 100
     */
    record QuestionRow(long questionId, String title, QuestionType type, int answered, OptionalDouble facility,
            OptionalDouble discrimination) {
    }

    /**
     * A course's report.
     *
     * @param courseId the course
     * @param title its title
     * @param total everyone's figures
     * @param byUnit figures per unit, in the directory's unit order; units without anyone enrolled are left out
     */
    record CourseReport(long courseId, String title, Counts total, List<UnitRow> byUnit) {
        /** Copies the rows. */
        public CourseReport {
            byUnit = List.copyOf(byUnit);
        }
    }

    /**
     * An exam's report.
     *
     * @param examId the exam
     * @param title its title
     * @param total everyone's figures
     * @param byUnit figures per unit
     * @param questions per-question statistics, in question id order
     * @param scoreHistogram graded learners per 10-point band of their counting result (10 bands, the last includes 100)
     */
    record ExamReport(long examId, String title, Counts total, List<UnitRow> byUnit, List<QuestionRow> questions,
            List<Integer> scoreHistogram) {
        /** Copies the lists. */
        public ExamReport {
            byUnit = List.copyOf(byUnit);
            questions = List.copyOf(questions);
            scoreHistogram = List.copyOf(scoreHistogram);
        }
    }

    /**
     * A course's figures.
     *
     * @param courseId the course
     * @return the report
     */
    CourseReport course(long courseId);

    /**
     * An exam's figures.
     *
     * @param examId the exam
     * @return the report
     */
    ExamReport exam(long examId);

    /**
     * The course report as CSV: UTF-8 with a byte order mark so that Excel reads Vietnamese,
     * one row per unit and a total row, headings in the given language.
     *
     * @param courseId the course
     * @param locale the language of the headings
     * @return the file's bytes
     */
    byte[] courseCsv(long courseId, Locale locale);

    /**
     * The exam report as CSV (units, then questions), UTF-8 with a byte order mark.
     *
     * @param examId the exam
     * @param locale the language of the headings
     * @return the file's bytes
     */
    byte[] examCsv(long examId, Locale locale);

    /**
     * A bar chart of the pass rate per unit, as a standalone SVG document.
     *
     * @param examId the exam
     * @param locale the language of the labels
     * @param width in pixels
     * @param height in pixels
     * @return the SVG markup
     */
    String passRateByUnitSvg(long examId, Locale locale, int width, int height);

    /**
     * A histogram of the counting results, as a standalone SVG document.
     *
     * @param examId the exam
     * @param locale the language of the labels
     * @param width in pixels
     * @param height in pixels
     * @return the SVG markup
     */
    String scoreHistogramSvg(long examId, Locale locale, int width, int height);
}
