package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.PointStatus;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;

/** The connection points: room, address, equipment, technical contact, capacity, status, blackout periods. */
public final class PointsView extends VerticalLayout {

    private final ConferenceService service;
    private final Texts texts;
    private final Grid<ConnectionPoint> grid = new Grid<>();

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param translations texts
     */
    public PointsView(ConferenceService service, TranslationService translations) {
        this.service = service;
        this.texts = new Texts(translations);
        setId("conference-points-view");
        grid.setId("conference-points-grid");
        grid.addColumn(ConnectionPoint::name).setHeader(t("conference.field.name")).setFlexGrow(2);
        grid.addColumn(ConnectionPoint::room).setHeader(t("conference.field.room"));
        grid.addColumn(p -> p.contactName() + " · " + p.contactPhone()).setHeader(t("conference.field.contact"));
        grid.addColumn(p -> java.text.NumberFormat.getIntegerInstance(texts.locale()).format(p.capacity()))
                .setHeader(t("conference.field.capacity"));
        grid.addColumn(p -> t("conference.status." + p.status().name().toLowerCase())).setHeader(t("conference.field.status"));
        grid.setEmptyStateText(t("conference.points.empty"));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        add(new H2(t("conference.points.title")), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(service.points());
    }

    private void edit(ConnectionPoint point) {
        Dialog dialog = new Dialog();
        dialog.setId("conference-point-dialog");
        dialog.setHeaderTitle(point.name());
        TextField room = field("conference-point-room", "conference.field.room", point.room(), 200);
        TextField address = field("conference-point-address", "conference.field.address", point.address(), 300);
        TextArea equipment = new TextArea(t("conference.field.equipment"));
        equipment.setId("conference-point-equipment");
        equipment.setMaxLength(1000);
        equipment.setValue(point.equipment());
        TextField contact = field("conference-point-contact", "conference.field.contact-name", point.contactName(), 120);
        TextField phone = field("conference-point-phone", "conference.field.contact-phone", point.contactPhone(), 40);
        TextField account = field("conference-point-account", "conference.field.contact-user", point.contactUser(), 64);
        IntegerField capacity = new IntegerField(t("conference.field.capacity"));
        capacity.setId("conference-point-capacity");
        capacity.setMin(0);
        capacity.setMax(10_000);
        capacity.setValue(point.capacity());
        Select<PointStatus> status = new Select<>();
        status.setLabel(t("conference.field.status"));
        status.setId("conference-point-status");
        status.setItems(PointStatus.values());
        status.setItemLabelGenerator(s -> t("conference.status." + s.name().toLowerCase()));
        status.setValue(point.status());
        DateTimePicker blackoutFrom = new DateTimePicker(t("conference.blackout.from"));
        blackoutFrom.setId("conference-blackout-from");
        DateTimePicker blackoutTo = new DateTimePicker(t("conference.blackout.to"));
        blackoutTo.setId("conference-blackout-to");
        PickerTexts.apply(blackoutFrom, texts::t, texts.locale());
        PickerTexts.apply(blackoutTo, texts::t, texts.locale());
        TextField reason = field("conference-blackout-reason", "conference.field.reason", "", 200);
        FormLayout form = new FormLayout(room, address, contact, phone, account, capacity, status, equipment,
                blackoutFrom, blackoutTo, reason);
        dialog.add(form);
        Button save = new Button(t("conference.action.save"), e -> {
            try {
                service.savePoint(new ConnectionPoint(point.id(), point.unitCode(), point.name(), point.hub(), room.getValue(),
                        address.getValue(), equipment.getValue(), contact.getValue(), phone.getValue(), account.getValue(),
                        capacity.getValue() == null ? -1 : capacity.getValue(), status.getValue()));
                if (blackoutFrom.getValue() != null || blackoutTo.getValue() != null) {
                    if (blackoutFrom.getValue() == null || blackoutTo.getValue() == null
                            || !blackoutTo.getValue().isAfter(blackoutFrom.getValue())) {
                        throw new ConferenceException("conference.error.end-before-start");
                    }
                    service.addBlackout(point.id(), new Slot(blackoutFrom.getValue().atZone(Formats.ZONE).toInstant(),
                            blackoutTo.getValue().atZone(Formats.ZONE).toInstant()), reason.getValue());
                }
                dialog.close();
                texts.show(t("conference.points.saved", point.name()), NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ConferenceException ex) {
                texts.show(t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            } catch (AccessDeniedException ex) {
                texts.show(t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("conference-point-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(t("conference.action.close"), e -> dialog.close());
        close.setId("conference-point-close");
        dialog.getFooter().add(save, close);
        dialog.setWidth("48em");
        dialog.open();
    }

    private TextField field(String id, String key, String value, int max) {
        TextField field = new TextField(t(key));
        field.setId(id);
        field.setMaxLength(max);
        field.setValue(value == null ? "" : value);
        return field;
    }

    private String t(String key, Object... args) {
        return texts.t(key, args);
    }
}
