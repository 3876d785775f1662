package vn.congso.security.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.security.internal.SecurityService;

/** The audit log: filters by who, what and when; CSV export of what is shown. */
public class AuditView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Times are stored in UTC and shown in the district's time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The export's times: one fixed, sortable form whatever the reader's language. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final int LIMIT = 2000;

    private final transient AuditLog audit;
    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private transient List<AuditLog.Entry> shown = List.of();
    private final transient AuditTexts texts;

    /** Creates the view. */
    public AuditView(SecurityService security, AuditLog audit) {
        this.audit = audit;
        this.texts = new AuditTexts(security::hasText, security::t);
        setId("audit-view");
        setSizeFull();
        actor.setId("audit-actor");
        actor.setLabel(security.t("security.audit.actor"));
        actor.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(security.t("security.audit.action"));
        action.setClearButtonVisible(true);
        action.setHelperText(security.t("security.audit.action-help"));
        from.setId("audit-from");
        from.setLabel(security.t("security.audit.from"));
        PickerTexts.apply(from, security::t, security.locale());
        to.setId("audit-to");
        to.setLabel(security.t("security.audit.to"));
        PickerTexts.apply(to, security::t, security.locale());
        Button search = new Button(security.t("security.audit.search"), e -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csv(shown, texts).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "audit-log.csv", "text/csv;charset=utf-8",
                    csv.length);
        }), security.t("security.audit.export"));
        export.setId("audit-export");
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, search, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-grid");
        grid.setEmptyStateText(security.t("security.audit.empty"));
        grid.addColumn(e -> Formats.dateTimeSeconds(e.at(), security.locale())).setHeader(security.t("security.audit.time")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::actor).setHeader(security.t("security.audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> texts.action(e.action())).setHeader(security.t("security.audit.action")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::target).setHeader(security.t("security.audit.target")).setAutoWidth(true);
        grid.addColumn(e -> security.t("security.audit.outcome." + e.outcome().name().toLowerCase()))
                .setHeader(security.t("security.audit.outcome")).setAutoWidth(true);
        // Details and addresses (IPv6 ones are long) wrap instead of being cut; a tooltip repeats them.
        grid.addColumn(texts::detail).setHeader(security.t("security.audit.detail")).setWidth("22em").setFlexGrow(1)
                .setTooltipGenerator(texts::detail);
        grid.addColumn(AuditLog.Entry::address).setHeader(security.t("security.audit.address")).setWidth("11em")
                .setFlexGrow(0).setTooltipGenerator(AuditLog.Entry::address);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(new H1(security.t("security.audit.title")), filters, grid);
        search();
    }

    private void search() {
        Optional<LocalDate> start = Optional.ofNullable(from.getValue());
        Optional<LocalDate> end = Optional.ofNullable(to.getValue());
        String typed = Optional.ofNullable(action.getValue()).map(String::strip).orElse("");
        boolean code = typed.isEmpty() || isCode(typed);
        List<AuditLog.Entry> found = audit.find(new AuditLog.Query(
                Optional.ofNullable(actor.getValue()).filter(s -> !s.isBlank()),
                code ? Optional.of(typed).filter(s -> !s.isEmpty()) : Optional.empty(),
                start.map(d -> d.atStartOfDay(ZONE).toInstant()),
                end.map(d -> d.plusDays(1).atStartOfDay(ZONE).toInstant()), LIMIT));
        shown = code ? found : found.stream().filter(e -> matches(e, typed, texts)).toList();
        grid.setItems(shown);
    }

    /**
     * Whether the action filter holds a dotted action code (or its beginning), such as
     * {@code security.log}: then the database filters; otherwise {@link #matches} does.
     */
    static boolean isCode(String typed) {
        return typed.indexOf('.') > 0 && typed.matches("[a-z0-9][a-z0-9._-]*");
    }

    /**
     * Whether an entry's action, as the reader reads it ("Đăng nhập", "Sign-in"), contains the
     * typed words ignoring case, or its code starts with them ("security").
     */
    static boolean matches(AuditLog.Entry entry, String typed, AuditTexts texts) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        return entry.action().startsWith(wanted) || texts.action(entry.action()).toLowerCase(Locale.ROOT).contains(wanted);
    }

    /**
     * The entries as CSV, times in the district's time zone, cells quoted; the action's code and
     * the detail as the reader reads it on screen.
     */
    static String csv(List<AuditLog.Entry> entries, AuditTexts texts) {
        StringBuilder out = new StringBuilder("\uFEFFtime,actor,action,target,outcome,detail,address\r\n");
        for (AuditLog.Entry e : entries) {
            out.append(quote(TIME.format(e.at()))).append(',').append(quote(e.actor())).append(',')
                    .append(quote(e.action())).append(',').append(quote(e.target())).append(',')
                    .append(e.outcome().name()).append(',').append(quote(texts.detail(e))).append(',')
                    .append(quote(e.address())).append("\r\n");
        }
        return out.toString();
    }

    private static String quote(String value) {
        String v = value == null ? "" : value;
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
