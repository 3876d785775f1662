package vn.congso.training.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.PushConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.communication.PushMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ExamService.AttemptQuestion;
import vn.congso.training.internal.service.ExamService.AttemptResult;
import vn.congso.training.internal.service.ExamService.AttemptSession;
import vn.congso.training.internal.service.ExamService.SaveAck;

/**
 * Taking an exam: one question at a time with the navigation panel beside it, every change
 * saved at once and acknowledged next to the question, a countdown to the server's deadline,
 * warnings at five minutes and one, and a submission that lists what is left unanswered.
 *
 * <p>The server is authoritative. The browser counts the seconds down by itself (no request per
 * second: with hundreds of candidates that would be most of the server's work) towards the time
 * left the server computed; the view asks the server again every {@value #RESYNC_SECONDS}
 * seconds or so (each time a random 15 to 25 s, so that the candidates who started together do not
 * all ask at the same instant for the rest of the exam) and exactly when a warning or the
 * deadline is due ({@link ExamClock#untilNextEvent}),
 * re-measuring the offset between the server's clock and this JVM's from
 * {@link ExamService#serverTime()} and checking the attempt's state; a reload or another browser
 * shows the same attempt with every saved answer.
 */
public class AttemptView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;
    private static final int RESYNC_SECONDS = 20;
    /** How often the view asks after the deadline, while the server's auto-submission is awaited. */
    private static final int AWAIT_SUBMISSION_MS = 2000;
    /** Asked this long after an event is due, so the server's clock has surely passed it. */
    private static final int EVENT_MARGIN_MS = 250;
    /**
     * Counts down in the browser from the time left the server gave ({@code $1} ms), in the
     * format of {@link Formats#countdown}, turning urgent at {@code $2} ms.
     */
    private static final String COUNTDOWN_JS = """
            const el = $0;
            clearInterval(el.congsoCountdown);
            const end = Date.now() + $1;
            const pad = n => String(n).padStart(2, '0');
            const tick = () => {
              const left = Math.max(0, end - Date.now());
              const s = Math.ceil(left / 1000);
              const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
              el.textContent = h > 0 ? h + ':' + pad(m) + ':' + pad(r) : pad(m) + ':' + pad(r);
              const urgent = left <= $2;
              el.style.color = urgent ? 'var(--lumo-error-text-color)' : 'var(--lumo-body-text-color)';
              el.style.background = urgent ? 'var(--lumo-error-color-10pct)' : 'var(--lumo-contrast-5pct)';
              if (left <= 0) { clearInterval(el.congsoCountdown); }
            };
            tick();
            el.congsoCountdown = setInterval(tick, 1000);
            """;

    private final transient Ui ui;
    private final transient ExamService exams;

    private long attemptId;
    private transient AttemptSession session;
    private transient Response[] onScreen;
    private transient Instant[] savedAt;
    private boolean[] saved;
    private final Set<Integer> unsaved = new TreeSet<>();
    private int current;
    private transient ExamClock clock;
    private transient Duration offset = Duration.ZERO;
    private boolean over;
    private QuestionNavigator navigator;
    private QuestionForm form;
    private final Div questionBox = new Div();
    private final Span timer = new Span();
    private final Span saveStatus = new Span();
    private final Button retry = new Button();
    private final Button flag = new Button();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Button submit = new Button();
    private final H2 questionTitle = new H2();
    private final Div banner = new Div();
    private transient Registration poll;
    private PushMode pushBefore;

    /** Creates the view. */
    public AttemptView(Ui ui, ExamService exams) {
        this.ui = ui;
        this.exams = exams;
        setId("attempt-view");
        setWidthFull();
        addClassName("training-attempt");
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        removeAll();
        attemptId = parameter;
        try {
            AttemptResult state = exams.result(attemptId);
            if (state.state().isFinished()) {
                event.forwardTo(Routes.result(attemptId));
                return;
            }
            AttemptSession resumed = exams.startOrResume(state.examId());
            if (resumed.attemptId() != attemptId) {
                event.forwardTo(Routes.attempt(resumed.attemptId()));
                return;
            }
            start(resumed);
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.attempt.unavailable")), new Paragraph(String.join(" ", ui.messages(e))));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void start(AttemptSession attempt) {
        this.session = attempt;
        int count = attempt.questions().size();
        onScreen = new Response[count];
        savedAt = new Instant[count];
        saved = new boolean[count];
        for (AttemptQuestion q : attempt.questions()) {
            onScreen[q.position()] = q.response();
            saved[q.position()] = q.version() > 0;
        }
        offset = Duration.between(Instant.now(), attempt.serverTime());
        clock = new ExamClock(attempt.deadline());

        H1 title = new H1(attempt.examTitle());
        title.setId("attempt-title");
        Span number = Widgets.muted(ui.t("training.ui.attempt.number", attempt.number()));
        Div heading = new Div(title, number);
        heading.addClassName("training-attempt-heading");

        timer.setId("exam-timer");
        timer.getElement().setAttribute("role", "timer");
        timer.getElement().setAttribute("aria-live", "off");
        timer.addClassName("training-timer");
        Span timerLabel = Widgets.muted(ui.t("training.ui.attempt.time-left"));
        Div timerBox = new Div(timerLabel, timer);
        timerBox.addClassName("training-row");

        submit.setText(ui.t("training.ui.attempt.submit"));
        submit.setId("exam-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> confirmSubmit());

        Div bar = new Div(heading, timerBox, submit);
        bar.setId("attempt-bar");
        bar.addClassName("training-attempt-bar");

        banner.setId("attempt-banner");
        banner.setVisible(false);
        banner.getElement().setAttribute("role", "alert");
        banner.addClassName("training-banner");

        questionTitle.setId("exam-question-number");
        questionTitle.addClassName("training-question-title");
        flag.setId("exam-flag");
        flag.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        flag.addClickListener(e -> toggleFlag());
        Div questionHead = new Div(questionTitle, flag);
        questionHead.addClassName("training-row");

        questionBox.setId("exam-question");
        questionBox.setWidthFull();
        saveStatus.setId("exam-save-status");
        saveStatus.addClassName("training-save-status");
        saveStatus.getElement().setAttribute("aria-live", "polite");
        retry.setText(ui.t("training.ui.attempt.retry"));
        retry.setId("exam-save-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        retry.setVisible(false);
        retry.addClickListener(e -> save(current, onScreen[current]));
        Div statusRow = new Div(saveStatus, retry);
        statusRow.addClassNames("training-row", "training-save-row");

        previous.setText(ui.t("training.ui.attempt.previous"));
        previous.setIcon(VaadinIcon.ARROW_LEFT.create());
        previous.setId("exam-previous");
        previous.addClickListener(e -> show(current - 1));
        next.setText(ui.t("training.ui.attempt.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("exam-next");
        next.addClickListener(e -> show(current + 1));
        Div spacer = new Div();
        spacer.addClassName("training-spacer");
        Div pager = new Div(previous, spacer, next);
        pager.addClassName("training-pager");

        Div main = Widgets.card(questionHead, questionBox, statusRow, pager);
        navigator = new QuestionNavigator(ui, count, this::show);
        for (int i = 0; i < count; i++) {
            navigator.setAnswered(i, saved[i] && Answers.isAnswered(onScreen[i]));
            navigator.setFlagged(i, session.questions().get(i).flagged());
        }
        Div body = new Div(main, navigator);
        body.addClassName("training-attempt-body");

        add(bar, banner, body);
        int firstUnanswered = 0;
        while (firstUnanswered < count - 1 && Answers.isAnswered(onScreen[firstUnanswered])) {
            firstUnanswered++;
        }
        show(count == 0 ? 0 : firstUnanswered);
        if (isAttached()) {
            tick(); // otherwise attaching starts the countdown
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // The exam screen needs no server push: it asks the server itself (above) and every
        // action answers at once. Without the held push connection a candidate costs the
        // server far less memory; the shell's push comes back when the candidate leaves.
        PushConfiguration push = event.getUI().getPushConfiguration();
        pushBefore = push.getPushMode();
        if (pushBefore.isEnabled()) {
            push.setPushMode(PushMode.DISABLED);
        }
        poll = event.getUI().addPollListener(e -> {
            resync();
            tick();
        });
        tick(); // sets the poll interval for this UI
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
        if (pushBefore != null && pushBefore.isEnabled()) {
            event.getUI().getPushConfiguration().setPushMode(pushBefore);
        }
        super.onDetach(event);
    }

    /**
     * When the view asks the server next: at the next event (a warning or the deadline) or, if
     * that is further, after a resync interval drawn anew each time between 3/4 and 5/4 of
     * {@value #RESYNC_SECONDS} s. The spread matters with hundreds of candidates who started in
     * the same minute: with a fixed interval their requests would arrive together every time.
     *
     * @param untilNextEventMillis time to the next event
     * @param random the source of the spread
     * @return the poll interval in milliseconds
     */
    static int nextAskMillis(long untilNextEventMillis, java.util.random.RandomGenerator random) {
        int resync = RESYNC_SECONDS * 1000;
        int spread = random.nextInt(resync * 3 / 4, resync * 5 / 4 + 1);
        return (int) Math.min(spread, Math.max(0, untilNextEventMillis) + EVENT_MARGIN_MS);
    }

    private Instant now() {
        return Instant.now().plus(offset);
    }

    /**
     * Brings the screen up to the server's time: the browser's countdown restarted from the time
     * left, a warning or time-over when due, and the next request set for the next event.
     */
    private void tick() {
        if (session == null || clock == null) {
            return;
        }
        Instant now = now();
        Duration left = clock.remaining(now);
        timer.setText(Formats.countdown(left));
        // Milliseconds as doubles: executeJs takes no long.
        timer.getElement().executeJs(COUNTDOWN_JS, timer.getElement(), (double) left.toMillis(),
                (double) ExamClock.Warning.FIVE_MINUTES.before().toMillis());
        ExamClock.Warning warning = clock.warningDue(now);
        if (warning != null && !over) {
            ui.warning("exam-warning", ui.t(warning == ExamClock.Warning.FIVE_MINUTES
                    ? "training.ui.attempt.five-minutes" : "training.ui.attempt.one-minute"));
        }
        if (clock.isOver(now) && !over) {
            timeOver();
        }
        UI current = getUI().orElse(null);
        if (current != null) {
            current.setPollInterval(over ? AWAIT_SUBMISSION_MS
                    : nextAskMillis(clock.untilNextEvent(now).toMillis(), java.util.concurrent.ThreadLocalRandom.current()));
        }
    }

    /** Re-measures the clock offset and notices an attempt the server submitted. */
    private void resync() {
        try {
            offset = Duration.between(Instant.now(), exams.serverTime());
            if (exams.state(attemptId).isFinished()) {
                finished();
            }
        } catch (RuntimeException e) {
            // A lost database connection must not stop the countdown; the next resync tries again.
        }
    }

    private void timeOver() {
        if (over) {
            return; // a save refused for lateness while flushing lands here again
        }
        over = true;
        // Within the grace period the server still takes answers the network held up.
        flushUnsaved();
        if (form != null) {
            form.lock();
        }
        submit.setEnabled(false);
        banner.setText(ui.t("training.ui.attempt.time-over"));
        banner.setVisible(true);
    }

    private void finished() {
        session = null;
        UI.getCurrent().navigate(Routes.result(attemptId));
    }

    private void show(int position) {
        if (session == null || position < 0 || position >= session.questions().size()) {
            return;
        }
        current = position;
        AttemptQuestion q = session.questions().get(position);
        int count = session.questions().size();
        questionTitle.setText(ui.t("training.ui.attempt.question-of", position + 1, count));
        questionBox.removeAll();
        form = new QuestionForm(ui, "exam", q.question(), q.optionOrder(), onScreen[position],
                response -> save(position, response));
        questionBox.add(form);
        if (over) {
            form.lock();
        }
        navigator.setCurrent(position);
        previous.setEnabled(position > 0);
        next.setEnabled(position < count - 1);
        showFlag();
        showStatus(position, null);
    }

    private void save(int position, Response response) {
        onScreen[position] = response;
        unsaved.add(position);
        AttemptQuestion q = session.questions().get(position);
        try {
            SaveAck ack = exams.saveAnswer(attemptId, q.questionId(), response);
            unsaved.remove(position);
            saved[position] = true;
            savedAt[position] = ack.savedAt();
            navigator.setAnswered(position, Answers.isAnswered(response));
            if (ack.deadline() != null && !ack.deadline().equals(clock.deadline())) {
                clock.resync(ack.deadline(), now());
            }
            showStatus(position, null);
        } catch (TrainingException e) {
            if (has(e, "training.attempt.already-submitted")) {
                finished();
                return;
            }
            if (has(e, "training.attempt.time-over")) {
                timeOver();
            }
            showStatus(position, String.join(" ", ui.messages(e)));
        } catch (AccessDeniedException e) {
            ui.refused(e);
            showStatus(position, ui.t("training.ui.attempt.not-saved-generic"));
        } catch (RuntimeException e) {
            showStatus(position, ui.t("training.ui.attempt.not-saved-generic"));
        }
    }

    private static boolean has(TrainingException e, String key) {
        return e.problems().stream().map(Problem::key).anyMatch(key::equals);
    }

    private void showStatus(int position, String failure) {
        if (position != current) {
            return;
        }
        boolean failed = unsaved.contains(position);
        retry.setVisible(failed && !over);
        saveStatus.getElement().setAttribute("data-tone", failed ? "failed" : "ok");
        saveStatus.getElement().setAttribute("data-state", failed ? "failed" : savedAt[position] != null || saved[position]
                ? "saved" : "empty");
        if (failed) {
            saveStatus.setText(ui.t("training.ui.attempt.not-saved", failure == null
                    ? ui.t("training.ui.attempt.not-saved-generic") : failure));
        } else if (savedAt[position] != null) {
            saveStatus.setText(ui.t("training.ui.attempt.saved-at", ui.time(savedAt[position])));
        } else if (saved[position] && Answers.isAnswered(onScreen[position])) {
            saveStatus.setText(ui.t("training.ui.attempt.saved"));
        } else {
            saveStatus.getElement().setAttribute("data-tone", "muted");
            saveStatus.setText(ui.t("training.ui.attempt.not-answered-yet"));
        }
    }

    /** Tries once more to save every answer the server has not acknowledged. */
    private boolean flushUnsaved() {
        for (int position : new ArrayList<>(unsaved)) {
            save(position, onScreen[position]);
        }
        return unsaved.isEmpty();
    }

    /** Flags or unflags the question on screen; the server keeps it with the attempt. */
    private void toggleFlag() {
        boolean flagged = !navigator.isFlagged(current);
        try {
            exams.flag(attemptId, session.questions().get(current).questionId(), flagged);
            navigator.setFlagged(current, flagged);
            showFlag();
        } catch (TrainingException e) {
            attemptClosedOrRefused(e);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void showFlag() {
        boolean flagged = navigator.isFlagged(current);
        flag.setText(ui.t(flagged ? "training.ui.attempt.unflag" : "training.ui.attempt.flag"));
        flag.setIcon(flagged ? VaadinIcon.FLAG.create() : VaadinIcon.FLAG_O.create());
        flag.getElement().setAttribute("aria-pressed", String.valueOf(flagged));
    }

    private void confirmSubmit() {
        if (!flushUnsaved()) {
            ui.error(ui.t("training.ui.attempt.unsaved-before-submit"));
            show(unsaved.iterator().next());
            return;
        }
        List<Integer> unanswered = Answers.unanswered(Arrays.asList(onScreen));
        List<Integer> flagged = Answers.flagged(onScreen.length, navigator.flagged());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("exam-submit-confirm");
        confirm.setHeader(ui.t("training.ui.attempt.submit-title"));
        VerticalLayout text = new VerticalLayout();
        text.setPadding(false);
        if (unanswered.isEmpty()) {
            text.add(new Paragraph(ui.t("training.ui.attempt.all-answered", onScreen.length)));
        } else {
            Paragraph left = new Paragraph(ui.t("training.ui.attempt.unanswered-list", unanswered.size(),
                    Answers.ranges(unanswered)));
            left.setId("exam-submit-unanswered");
            text.add(left);
        }
        if (!flagged.isEmpty()) {
            text.add(new Paragraph(ui.t("training.ui.attempt.flagged-list", Answers.ranges(flagged))));
        }
        text.add(new Paragraph(ui.t("training.ui.attempt.submit-final")));
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(ui.t("training.ui.attempt.keep-working"));
        Button go = new Button(ui.t("training.ui.attempt.submit-now"));
        go.setId("exam-submit-confirm-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickListener(e -> {
            confirm.close();
            submitNow();
        });
        confirm.setConfirmButton(go);
        confirm.open();
    }

    /** After a refusal: show the result when the attempt ended, the time-over state, or why. */
    private void attemptClosedOrRefused(TrainingException e) {
        if (has(e, "training.attempt.already-submitted")) {
            finished();
        } else if (has(e, "training.attempt.time-over")) {
            timeOver();
        } else {
            ui.refused(e);
        }
    }

    private void submitNow() {
        try {
            exams.submit(attemptId);
            finished();
        } catch (TrainingException e) {
            attemptClosedOrRefused(e);
        } catch (RuntimeException e) {
            ui.refused(e instanceof AccessDeniedException ? e
                    : new TrainingException("training.ui.attempt.submit-failed"));
        }
    }
}
