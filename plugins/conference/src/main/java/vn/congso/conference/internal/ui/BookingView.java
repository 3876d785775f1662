package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.PickerTexts;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.service.BookingRequest;
import vn.congso.conference.internal.service.BookingResult;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;

/**
 * Books a meeting or a series for chosen points. The booking is checked whole; when something
 * clashes, every conflict is listed (point, date, with what) and the scheduler drops those
 * occurrences or those points and saves the rest in one click.
 */
public final class BookingView extends VerticalLayout {

    private final ConferenceService service;
    private final Texts texts;
    private final TextField title = new TextField();
    private final TextArea agenda = new TextArea();
    private final TextField chair = new TextField();
    private final Select<ConnectionPoint> host = new Select<>();
    private final CheckboxGroup<ConnectionPoint> points = new CheckboxGroup<>();
    private final Select<ConferenceService.PointGroup> group = new Select<>();
    private final TextField groupName = new TextField();
    private final Button deleteGroup = new Button();
    private final List<ConnectionPoint> all;
    private final DateTimePicker start = new DateTimePicker();
    private final DateTimePicker end = new DateTimePicker();
    private final Select<String> repeat = new Select<>();
    private final IntegerField interval = new IntegerField();
    private final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    private final Select<Recurrence.MonthlyBy> monthlyBy = new Select<>();
    private final IntegerField count = new IntegerField();
    private final DatePicker until = new DatePicker();
    private final Div conflictPanel = new Div();
    private BookingRequest pending;

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param translations texts
     */
    public BookingView(ConferenceService service, TranslationService translations) {
        this.service = service;
        this.texts = new Texts(translations);
        setId("conference-book-view");
        H2 heading = new H2(t("conference.book.title"));

        all = service.points();
        title.setLabel(t("conference.field.title"));
        title.setId("conference-book-title");
        title.setMaxLength(200);
        title.setRequired(true);
        agenda.setLabel(t("conference.field.agenda"));
        agenda.setHelperText(t("conference.field.agenda.help"));
        agenda.setId("conference-book-agenda");
        agenda.setMaxLength(8000);
        chair.setLabel(t("conference.field.chair"));
        chair.setId("conference-book-chair");
        chair.setMaxLength(120);
        host.setLabel(t("conference.field.host"));
        host.setId("conference-book-host");
        host.setItems(all);
        host.setItemLabelGenerator(ConnectionPoint::name);
        all.stream().filter(ConnectionPoint::hub).findFirst().ifPresent(host::setValue);
        points.setLabel(t("conference.field.points"));
        points.setId("conference-book-points");
        points.setItems(all);
        points.setItemLabelGenerator(ConnectionPoint::name);
        Button allPoints = new Button(t("conference.action.all-points"), e -> points.setValue(Set.copyOf(all)));
        allPoints.setId("conference-book-all-points");
        // Saved groups: choosing one ticks its points; "save" creates a group (none chosen) or
        // renames the chosen one and gives it the ticked points; "delete" removes the chosen one.
        group.setLabel(t("conference.field.group"));
        group.setId("conference-book-group");
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption(t("conference.group.new"));
        group.setItemLabelGenerator(g -> g == null ? t("conference.group.new") : g.name());
        group.addValueChangeListener(e -> chooseGroup(e.getValue()));
        groupName.setLabel(t("conference.field.group-name"));
        groupName.setId("conference-book-group-name");
        groupName.setMaxLength(120);
        Button saveGroup = new Button(t("conference.action.group-save"), e -> saveGroup());
        saveGroup.setId("conference-book-group-save");
        deleteGroup.setText(t("conference.action.group-delete"));
        deleteGroup.setId("conference-book-group-delete");
        deleteGroup.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteGroup.addClickListener(e -> deleteGroup());
        refreshGroups(0);
        HorizontalLayout groupBar = new HorizontalLayout(allPoints, group, groupName, saveGroup, deleteGroup);
        groupBar.setId("conference-book-group-bar");
        groupBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        groupBar.setWrap(true);

        start.setLabel(t("conference.field.start"));
        start.setId("conference-book-start");
        end.setLabel(t("conference.field.end"));
        end.setId("conference-book-end");
        PickerTexts.apply(start, texts::t, texts.locale());
        PickerTexts.apply(end, texts::t, texts.locale());
        start.addValueChangeListener(e -> {
            if (e.getValue() != null && (end.getValue() == null || !end.getValue().isAfter(e.getValue()))) {
                end.setValue(e.getValue().plusHours(1));
            }
        });

        repeat.setLabel(t("conference.field.repeat"));
        repeat.setId("conference-book-repeat");
        repeat.setItems("NONE", "DAILY", "WEEKLY", "MONTHLY");
        repeat.setItemLabelGenerator(v -> t("conference.repeat." + v.toLowerCase()));
        repeat.setValue("NONE");
        interval.setLabel(t("conference.field.interval"));
        interval.setId("conference-book-interval");
        interval.setMin(1);
        interval.setMax(12);
        interval.setValue(1);
        interval.setStepButtonsVisible(true);
        weekdays.setLabel(t("conference.field.weekdays"));
        weekdays.setId("conference-book-weekdays");
        weekdays.setItems(DayOfWeek.values());
        weekdays.setItemLabelGenerator(d -> t("conference.weekday." + d.getValue()));
        monthlyBy.setLabel(t("conference.field.monthly-by"));
        monthlyBy.setId("conference-book-monthly-by");
        monthlyBy.setItems(Recurrence.MonthlyBy.values());
        monthlyBy.setItemLabelGenerator(v -> t("conference.monthly-by." + v.name().toLowerCase()));
        monthlyBy.setValue(Recurrence.MonthlyBy.DATE);
        count.setLabel(t("conference.field.count"));
        count.setId("conference-book-count");
        count.setMin(1);
        count.setHelperText(t("conference.field.count.help", service.settings().maxOccurrences()));
        until.setLabel(t("conference.field.until"));
        until.setId("conference-book-until");
        PickerTexts.apply(until, texts::t, texts.locale());
        repeat.addValueChangeListener(e -> recurrenceVisible());
        recurrenceVisible();

        FormLayout form = new FormLayout(title, chair, host, start, end, repeat, interval, weekdays, monthlyBy, count,
                until);
        form.setId("conference-book-form");
        Button save = new Button(t("conference.action.book"), e -> submit(request()));
        save.setId("conference-book-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        conflictPanel.setId("conference-conflicts");
        conflictPanel.setVisible(false);
        add(heading, form, agenda, groupBar, points, save, conflictPanel);
    }

    /**
     * Enables the fields the chosen repetition uses. Disabled rather than hidden: Vaadin sends an
     * invisible component's properties (its id, the date picker's Vietnamese texts) only once shown.
     */
    private void recurrenceVisible() {
        String value = repeat.getValue();
        boolean repeating = !"NONE".equals(value);
        interval.setEnabled(repeating);
        count.setEnabled(repeating);
        until.setEnabled(repeating);
        weekdays.setEnabled("WEEKLY".equals(value));
        monthlyBy.setEnabled("MONTHLY".equals(value));
    }

    private void chooseGroup(ConferenceService.PointGroup chosen) {
        deleteGroup.setEnabled(chosen != null);
        if (chosen == null) {
            groupName.clear();
            return;
        }
        groupName.setValue(chosen.name());
        points.setValue(all.stream().filter(p -> chosen.pointIds().contains(p.id())).collect(Collectors.toSet()));
    }

    /** Reloads the saved groups and chooses one (0: none). */
    private void refreshGroups(long chosen) {
        List<ConferenceService.PointGroup> groups = service.pointGroups();
        group.setItems(groups);
        group.setValue(groups.stream().filter(g -> g.id() == chosen).findFirst().orElse(null));
        deleteGroup.setEnabled(group.getValue() != null);
    }

    private void saveGroup() {
        ConferenceService.PointGroup chosen = group.getValue();
        Set<Long> ids = points.getValue().stream().map(ConnectionPoint::id).collect(Collectors.toSet());
        try {
            long id = service.savePointGroup(chosen == null ? 0 : chosen.id(), groupName.getValue(), ids);
            refreshGroups(id);
            texts.show(t("conference.group.saved", groupName.getValue().strip(), ids.size()),
                    NotificationVariant.LUMO_SUCCESS);
        } catch (ConferenceException e) {
            texts.show(t(e.key(), e.args()), NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            texts.show(t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
        }
    }

    private void deleteGroup() {
        ConferenceService.PointGroup chosen = group.getValue();
        if (chosen == null) {
            return;
        }
        try {
            service.deletePointGroup(chosen.id());
            refreshGroups(0);
            texts.show(t("conference.group.deleted", chosen.name()), NotificationVariant.LUMO_SUCCESS);
        } catch (ConferenceException e) {
            texts.show(t(e.key(), e.args()), NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            texts.show(t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
        }
    }

    private BookingRequest request() {
        Recurrence recurrence = null;
        if (!"NONE".equals(repeat.getValue())) {
            recurrence = new Recurrence(Recurrence.Frequency.valueOf(repeat.getValue()),
                    interval.getValue() == null ? 0 : interval.getValue(), weekdays.getValue(), monthlyBy.getValue(),
                    until.getValue(), count.getValue());
        }
        ConnectionPoint hostPoint = host.getValue();
        Set<Long> ids = points.getValue().stream().map(ConnectionPoint::id).collect(Collectors.toSet());
        return new BookingRequest(title.getValue(), agenda.getValue(), chair.getValue(),
                hostPoint == null ? 0 : hostPoint.id(), ids, start.getValue(), end.getValue(), recurrence, Set.of(),
                BookingRequest.Visibility.INTERNAL);
    }

    private void submit(BookingRequest request) {
        BookingResult result;
        try {
            result = service.book(request);
        } catch (ConferenceException e) {
            texts.show(t(e.key(), e.args()), NotificationVariant.LUMO_ERROR);
            return;
        } catch (AccessDeniedException e) {
            texts.show(t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            return;
        }
        if (result.saved()) {
            pending = null;
            conflictPanel.setVisible(false);
            texts.show(t("conference.booked", request.title().strip(), result.occurrences()), NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ConferenceScreens.CALENDAR));
            return;
        }
        pending = request;
        showConflicts(result.conflicts());
    }

    private void showConflicts(List<Conflict> conflicts) {
        conflictPanel.removeAll();
        conflictPanel.addClassName("conference-conflicts");
        Paragraph intro = new Paragraph(t("conference.conflicts.intro", conflicts.size()));
        intro.setId("conference-conflicts-intro");
        UnorderedList list = new UnorderedList();
        list.setId("conference-conflict-list");
        for (Conflict c : conflicts) {
            ListItem item = new ListItem(texts.conflict(c));
            item.addClassName("conference-conflict");
            list.add(item);
        }
        Set<Instant> dates = conflicts.stream().map(Conflict::occurrence).collect(Collectors.toSet());
        Set<Long> pointIds = conflicts.stream().map(Conflict::pointId).collect(Collectors.toSet());
        Button dropDates = new Button(t("conference.action.drop-occurrences", dates.size()),
                e -> submit(pending.dropOccurrences(dates)));
        dropDates.setId("conference-drop-occurrences");
        Button dropPoints = new Button(t("conference.action.drop-points", pointIds.size()),
                e -> submit(pending.dropPoints(pointIds)));
        dropPoints.setId("conference-drop-points");
        dropPoints.setEnabled(!pointIds.contains(pending.hostPointId()));
        conflictPanel.add(intro, list, new HorizontalLayout(dropDates, dropPoints));
        conflictPanel.setVisible(true);
    }

    private String t(String key, Object... args) {
        return texts.t(key, args);
    }
}
