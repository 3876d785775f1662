package vn.congso.notify.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService.DeliveryState;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.notify.internal.OutboxEntry;
import vn.congso.notify.internal.OutboxMessage;
import vn.congso.notify.internal.OutboxRefusal;
import vn.congso.notify.internal.OutboxService;

/**
 * The outbox: every message with its state, recipient, subject, source, times, attempts and
 * last error, newest first, filtered by state; a message opens with its text and attachment
 * names; a held message can be sent again, any message deleted (after a confirmation). The
 * service checks the permission and audits; this screen only asks and shows.
 */
public final class OutboxView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** The most messages listed at once. */
    static final int LIMIT = 500;
    private static final String ALL = "ALL";

    private final transient OutboxService outbox;
    private final transient TranslationService translations;
    private final Select<String> stateFilter = new Select<>();
    private final Grid<OutboxEntry> grid = new Grid<>();
    private final Paragraph server = new Paragraph();
    private final Paragraph counts = new Paragraph();
    private final Div details = new Div();

    /**
     * Creates the screen.
     *
     * @param outbox the outbox
     * @param translations texts
     */
    public OutboxView(OutboxService outbox, TranslationService translations) {
        this.outbox = outbox;
        this.translations = translations;
        setId("outbox-view");
        setWidthFull();
        H1 title = new H1(t("notify.view.title"));
        title.setId("outbox-title");
        server.setId("outbox-server");
        counts.setId("outbox-counts");
        add(title, new Paragraph(t("notify.view.help")), server, counts);

        stateFilter.setId("outbox-state-filter");
        stateFilter.setLabel(t("notify.filter.state"));
        stateFilter.setItems(ALL, DeliveryState.QUEUED.name(), DeliveryState.SENT.name(), DeliveryState.HELD.name());
        stateFilter.setItemLabelGenerator(s -> ALL.equals(s) ? t("notify.filter.all") : stateText(s));
        stateFilter.setValue(ALL);
        stateFilter.addValueChangeListener(e -> refresh());
        Button refresh = new Button(t("notify.refresh"), e -> refresh());
        refresh.setId("outbox-refresh");
        HorizontalLayout filters = new HorizontalLayout(stateFilter, refresh);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.setId("outbox-grid");
        grid.setEmptyStateText(t("notify.empty"));
        grid.addColumn(OutboxEntry::id).setHeader(t("notify.column.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> stateText(e.state().name())).setHeader(t("notify.column.state")).setAutoWidth(true);
        grid.addColumn(OutboxEntry::to).setHeader(t("notify.column.to")).setAutoWidth(true);
        grid.addColumn(OutboxEntry::subject).setHeader(t("notify.column.subject")).setWidth("18em").setFlexGrow(1)
                .setTooltipGenerator(OutboxEntry::subject);
        grid.addColumn(OutboxEntry::source).setHeader(t("notify.column.source")).setAutoWidth(true);
        grid.addColumn(e -> Formats.dateTime(e.createdAt(), locale())).setHeader(t("notify.column.created"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.sentAt().map(at -> Formats.dateTime(at, locale())).orElse(""))
                .setHeader(t("notify.column.sent")).setAutoWidth(true);
        grid.addColumn(e -> LocaleNumbers.format(e.attempts(), locale())).setHeader(t("notify.column.attempts"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::errorText).setHeader(t("notify.column.error")).setWidth("16em").setFlexGrow(1)
                .setTooltipGenerator(this::errorText);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addSelectionListener(e -> show(e.getFirstSelectedItem()));
        grid.setAllRowsVisible(true);
        add(grid);

        details.setId("outbox-details");
        details.setWidthFull();
        add(details);
        refresh();
    }

    private void refresh() {
        OutboxService.Status status = outbox.status();
        server.setText(status.smtpConfigured() ? t("notify.server.configured", status.server())
                : t("notify.server.none"));
        counts.setText(t("notify.counts", LocaleNumbers.format(status.counts().get(DeliveryState.QUEUED), locale()),
                LocaleNumbers.format(status.counts().get(DeliveryState.SENT), locale()),
                LocaleNumbers.format(status.counts().get(DeliveryState.HELD), locale())));
        String selected = stateFilter.getValue();
        Optional<DeliveryState> state = selected == null || ALL.equals(selected) ? Optional.empty()
                : Optional.of(DeliveryState.valueOf(selected));
        grid.setItems(outbox.list(state, LIMIT));
        details.removeAll();
    }

    private void show(Optional<OutboxEntry> selected) {
        details.removeAll();
        if (selected.isEmpty()) {
            return;
        }
        Optional<OutboxMessage> found = outbox.message(selected.get().id());
        if (found.isEmpty()) {
            refresh();
            return;
        }
        OutboxMessage message = found.get();
        OutboxEntry entry = message.entry();
        H2 heading = new H2(t("notify.details.title", String.valueOf(entry.id())));
        heading.setId("outbox-details-title");
        Paragraph to = new Paragraph(t("notify.details.to", entry.to()));
        to.setId("outbox-details-to");
        Paragraph subject = new Paragraph(t("notify.details.subject", entry.subject()));
        subject.setId("outbox-details-subject");
        Pre text = new Pre(message.text());
        text.setId("outbox-text");
        text.getStyle().set("white-space", "pre-wrap").set("max-height", "24em").set("overflow", "auto");
        UnorderedList attachments = new UnorderedList();
        attachments.setId("outbox-attachments");
        for (OutgoingMessage.Attachment attachment : message.attachments()) {
            attachments.add(new ListItem(t("notify.details.attachment", attachment.fileName(),
                    attachment.contentType(), LocaleNumbers.format(attachment.content().length, locale()))));
        }
        Span noAttachment = new Span(t("notify.details.no-attachment"));
        noAttachment.setId("outbox-no-attachment");
        noAttachment.setVisible(message.attachments().isEmpty());

        Button resend = new Button(t("notify.resend"), e -> act(() -> outbox.resend(entry.id()),
                t("notify.resent", String.valueOf(entry.id()))));
        resend.setId("outbox-resend");
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resend.setEnabled(entry.state() == DeliveryState.HELD);
        Button delete = new Button(t("notify.delete"), e -> confirmDelete(entry));
        delete.setId("outbox-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        details.add(heading, to, subject, text, new Paragraph(t("notify.details.attachments")), attachments,
                noAttachment, new HorizontalLayout(resend, delete));
    }

    private void confirmDelete(OutboxEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("outbox-delete-dialog");
        dialog.setHeaderTitle(t("notify.delete.confirm-title"));
        dialog.add(new Paragraph(t("notify.delete.confirm", String.valueOf(entry.id()), entry.to())));
        Button yes = new Button(t("notify.delete"), e -> {
            dialog.close();
            act(() -> outbox.delete(entry.id()), t("notify.deleted", String.valueOf(entry.id())));
        });
        yes.setId("outbox-delete-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(t("notify.cancel"), e -> dialog.close());
        no.setId("outbox-delete-cancel");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            notify(success, NotificationVariant.LUMO_SUCCESS);
        } catch (OutboxRefusal e) {
            notify(t(e.key(), e.args()), NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            notify(t("notify.denied"), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.MIDDLE);
        notification.setId("outbox-notification");
        notification.addThemeVariants(variant);
    }

    private String stateText(String state) {
        return t("notify.state." + state.toLowerCase(Locale.ROOT));
    }

    /** Our own reasons are translation keys; a server's answer is shown as the server gave it. */
    private String errorText(OutboxEntry entry) {
        return entry.lastError().map(e -> e.startsWith("notify.") ? t(e) : t("notify.error.server", e)).orElse("");
    }

    private String t(String key, Object... args) {
        return translations.translate(key, locale(), args);
    }

    private static Locale locale() {
        return UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
    }

    /** @return the entries shown, for tests */
    List<OutboxEntry> shown() {
        return grid.getListDataView().getItems().toList();
    }
}
