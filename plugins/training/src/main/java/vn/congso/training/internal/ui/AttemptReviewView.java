package vn.congso.training.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ExamService.AttemptResult;

/**
 * Report viewers: anyone's attempt with the full review, opened from the exam report. The same
 * screen as the learner's result, under a route that needs the report permission.
 */
public class AttemptReviewView extends ResultView {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public AttemptReviewView(Ui ui, ExamService exams, CertificateService certificates) {
        super(ui, exams, certificates);
        setId("attempt-review-view");
    }

    @Override
    Anchor backLink(AttemptResult result) {
        return new Anchor(Routes.REPORTS, texts().t("training.ui.reports.back", result.username()));
    }
}
