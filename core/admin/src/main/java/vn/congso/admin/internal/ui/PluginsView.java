package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.congso.admin.internal.ActionResult;
import vn.congso.admin.internal.AvailableFeature;
import vn.congso.admin.internal.BundleRef;
import vn.congso.admin.internal.DryRun;
import vn.congso.admin.internal.InstallRecord;
import vn.congso.admin.internal.PluginInfo;
import vn.congso.admin.internal.PluginService;
import vn.congso.admin.internal.PluginState;
import vn.congso.admin.internal.Problem;
import vn.congso.admin.internal.Settings;
import vn.congso.admin.internal.TrustResult;
import vn.congso.admin.internal.TrustedSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.RunAs;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.UploadTexts;

/**
 * Plugin administration: every plugin with its state, health and contributions; install from an
 * upload or a repository feature after a dry run that shows exactly what would change; upgrade,
 * roll back, stop, start, uninstall (keeping the data) and, separately confirmed, delete a
 * plugin's data; list, add (a PEM upload) and remove the trusted signers, with a warning while
 * there is none. Every action goes through {@link PluginService}, which checks the permission
 * and writes the audit log; this screen only asks and shows. Uploads are spooled to a temporary
 * file and cut off at the server's limit, whatever the browser was told.
 */
public final class PluginsView extends VerticalLayout {

    /** A PEM certificate is a few kilobytes; the same limit as the service's. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    /**
     * The upload itself takes any content within its limit: what a plugin archive or a signer's
     * certificate must be is checked by the service, the same for the screen and the console
     * (UploadChecker with ArchiveInspector for archives, the trust store for certificates, which
     * may be PEM text or DER binary).
     */
    private static final ContentCheck CHECKED_BY_THE_SERVICE = (fileName, content) -> "application/octet-stream";

    private final Logger log = LoggerFactory.getLogger(PluginsView.class);
    private final PluginService plugins;
    private final TranslationService translations;
    private final CurrentUserService users;
    private final RunAs runAs;
    private final Grid<PluginInfo> grid = new Grid<>();
    private final Grid<AvailableFeature> features = new Grid<>();
    private final Grid<TrustedSigner> signers = new Grid<>();
    private final Div noTrustWarning = new Div();
    private final Div publicKeyWarning = new Div();

    /**
     * Creates the screen.
     *
     * @param plugins the plugin engine
     * @param translations texts
     * @param users who is signed in
     * @param runAs runs the slow actions (install, upgrade, rollback, uninstall) off the request
     *     thread as the signed-in administrator, so the screen shows progress and stays alive
     */
    public PluginsView(PluginService plugins, TranslationService translations, CurrentUserService users,
            RunAs runAs) {
        this.plugins = plugins;
        this.translations = translations;
        this.users = users;
        this.runAs = runAs;
        setId("plugins-view");
        setWidthFull();

        H1 title = new H1(t("plugins.view.title"));
        title.setId("plugins-title");
        add(title, new Paragraph(t("plugins.view.help")));

        Settings settings = plugins.settings();
        if (settings.allowUnsigned()) {
            Div warning = new Div(new Span(t("plugin.warning.unsigned-allowed")));
            warning.setId("plugins-unsigned-warning");
            warning.getElement().getThemeList().add("badge error");
            warning.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("font-weight", "600");
            add(warning);
        }
        noTrustWarning.add(new Span(t("plugins.trust.none-warning")));
        noTrustWarning.setId("plugins-no-trust-warning");
        noTrustWarning.getElement().getThemeList().add("badge error");
        noTrustWarning.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("font-weight", "600").set("white-space", "normal");
        noTrustWarning.setVisible(false);
        publicKeyWarning.add(new Span(t("plugins.trust.public-key-warning")));
        publicKeyWarning.setId("plugins-public-key-warning");
        publicKeyWarning.getElement().getThemeList().add("badge error");
        publicKeyWarning.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("font-weight", "600").set("white-space", "normal");
        publicKeyWarning.setVisible(false);
        add(noTrustWarning, publicKeyWarning);

        add(new H2(t("plugins.install.title")), new Paragraph(t("plugins.install.help",
                settings.maxUploadBytes() / (1024 * 1024), settings.trustStore())));
        add(uploadFor(false, null));

        HorizontalLayout installedHeader = new HorizontalLayout(new H2(t("plugins.installed.title")));
        Button refresh = new Button(t("plugins.refresh"), e -> refresh());
        refresh.setId("plugins-refresh");
        installedHeader.add(refresh);
        installedHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(installedHeader);
        buildPluginGrid();
        add(grid);

        add(new H2(t("plugins.features.title")), new Paragraph(t("plugins.features.help")));
        buildFeatureGrid();
        add(features);

        H2 trustTitle = new H2(t("plugins.trust.title"));
        trustTitle.setId("plugins-trust-title");
        add(trustTitle, new Paragraph(t("plugins.trust.help", settings.trustStore())));
        buildTrustGrid();
        add(signers, trustUpload());
        refresh();
    }

    // ---- the lists ----

    private void buildPluginGrid() {
        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("plugins.installed.none"));
        grid.addComponentColumn(this::nameCell).setHeader(t("plugins.column.name")).setFlexGrow(3);
        grid.addColumn(plugin -> PluginTexts.version(plugin.version(), this::t)).setHeader(t("plugins.column.version"))
                .setAutoWidth(true);
        grid.addColumn(PluginInfo::vendor).setHeader(t("plugins.column.vendor")).setFlexGrow(1);
        grid.addComponentColumn(this::stateCell).setHeader(t("plugins.column.state")).setAutoWidth(true);
        grid.addComponentColumn(this::healthCell).setHeader(t("plugins.column.health")).setFlexGrow(2);
        grid.addColumn(this::installedText).setHeader(t("plugins.column.installed")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(t("plugins.column.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
    }

    private void buildFeatureGrid() {
        features.setId("plugins-features-grid");
        features.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        features.setAllRowsVisible(true);
        features.setEmptyStateText(t("plugins.features.none"));
        features.addColumn(AvailableFeature::name).setHeader(t("plugins.column.feature")).setFlexGrow(2);
        features.addColumn(AvailableFeature::version).setHeader(t("plugins.column.version")).setAutoWidth(true);
        // Core's own features are described by core, a plugin's by its own jar, in the reader's language; others
        // as their repository says.
        features.addColumn(feature -> translations.has("plugins.feature." + feature.name(), locale())
                ? t("plugins.feature." + feature.name()) : feature.description(locale()))
                .setHeader(t("plugins.column.description")).setFlexGrow(3);
        features.addComponentColumn(feature -> {
            Button install = new Button(t("plugins.action.install"), e -> confirmThen(
                    () -> plugins.dryRunFeature(feature.name(), feature.version()),
                    () -> plugins.installFeature(feature.name(), feature.version()), () -> { }));
            install.setId("plugins-feature-install-" + feature.name());
            install.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return install;
        }).setHeader(t("plugins.column.actions")).setAutoWidth(true);
    }

    private void refresh() {
        try {
            grid.setItems(plugins.plugins());
            features.setItems(plugins.availableFeatures());
            List<TrustedSigner> trusted = plugins.trustedSigners();
            signers.setItems(trusted);
            noTrustWarning.setVisible(trusted.isEmpty());
            publicKeyWarning.setVisible(trusted.stream().anyMatch(TrustedSigner::publicTestKey));
        } catch (AccessDeniedException e) {
            error(t("plugins.denied"));
        }
    }

    // ---- trusted signers ----

    private void buildTrustGrid() {
        signers.setId("plugins-trust-grid");
        signers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        signers.setAllRowsVisible(true);
        signers.setEmptyStateText(t("plugins.trust.none"));
        signers.addColumn(TrustedSigner::subject).setHeader(t("plugins.trust.column.subject")).setFlexGrow(3);
        signers.addComponentColumn(signer -> {
            Span fingerprint = new Span(signer.fingerprint());
            fingerprint.getStyle().set("font-family", "var(--lumo-font-family-monospace)").set("font-size", "var(--lumo-font-size-xs)")
                    .set("word-break", "break-all");
            return fingerprint;
        }).setHeader(t("plugins.trust.column.fingerprint")).setFlexGrow(3);
        signers.addColumn(signer -> Formats.date(signer.notAfter(), locale())).setHeader(t("plugins.trust.column.valid-until"))
                .setAutoWidth(true);
        signers.addColumn(TrustedSigner::name).setHeader(t("plugins.trust.column.file")).setFlexGrow(2);
        signers.addComponentColumn(signer -> {
            Button remove = button("plugins-trust-remove-" + fingerprintId(signer), t("plugins.trust.remove"),
                    () -> confirm("plugins-trust-remove-dialog", t("plugins.trust.remove.title"),
                            t("plugins.trust.remove.text", signer.subject()), t("plugins.trust.remove"),
                            () -> changeTrust(() -> plugins.distrust(signer.name()), "plugins.trust.removed")));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return remove;
        }).setHeader(t("plugins.column.actions")).setAutoWidth(true).setFlexGrow(0);
    }

    /** The first 16 hex digits of the fingerprint: unique enough for an id, stable across refreshes. */
    private static String fingerprintId(TrustedSigner signer) {
        return signer.fingerprint().replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private Upload trustUpload() {
        Upload upload = new Upload();
        upload.setId("plugins-trust-upload");
        upload.setAcceptedFileTypes(".pem", ".crt", ".cer");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_PEM_BYTES);
        var i18n = UploadTexts.of(this::t);
        i18n.getError().setIncorrectFileType(t("plugins.trust.upload.wrong-type"));
        i18n.getError().setFileIsTooBig(t("plugins.trust.upload.too-big"));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> error(t("plugins.trust.rejected", e.getFileName(), MAX_PEM_BYTES / 1024)));
        upload.setUploadHandler(new BoundedUploadHandler(MAX_PEM_BYTES, CHECKED_BY_THE_SERVICE, received -> {
            upload.clearFileList();
            try (received) {
                changeTrust(() -> withFile(received, in -> plugins.trust(received.fileName(), in)),
                        "plugins.trust.added");
            }
        }, refused -> {
            upload.clearFileList();
            showRefusal(refused, t("plugins.trust.rejected", refused.fileName(), MAX_PEM_BYTES / 1024));
        }));
        upload.setWidthFull();
        return upload;
    }

    /** Makes a trust store change and says how it ended; the lists and warnings follow. */
    private void changeTrust(Supplier<TrustResult> change, String doneKey) {
        try {
            TrustResult result = change.get();
            if (result.succeeded()) {
                success(t(doneKey, result.signer().map(TrustedSigner::subject).orElse("")));
            } else {
                error(t("plugins.trust.not-done", t("plugin.status." + result.status().name()),
                        result.problem().map(this::problem).orElse("")));
            }
        } catch (AccessDeniedException e) {
            error(t("plugins.denied"));
        } finally {
            refresh();
        }
    }

    private Component nameCell(PluginInfo plugin) {
        PluginTexts.Names names = PluginTexts.of(plugin.bundleId(),
                plugin.name().isBlank() ? plugin.symbolicName() : plugin.name(), locale());
        Span name = new Span(names.name());
        name.getStyle().set("font-weight", "600");
        name.setId("plugin-name-" + plugin.symbolicName());
        VerticalLayout cell = new VerticalLayout(name);
        if (!names.description().isBlank()) {
            Span description = new Span(names.description());
            description.setId("plugin-description-" + plugin.symbolicName());
            description.getStyle().set("font-size", "var(--lumo-font-size-s)");
            cell.add(description);
        }
        Span symbolic = new Span(plugin.symbolicName());
        symbolic.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        cell.add(symbolic);
        cell.setPadding(false);
        cell.setSpacing(false);
        cell.setId("plugin-" + plugin.symbolicName());
        return cell;
    }

    private Component stateCell(PluginInfo plugin) {
        Span state = new Span(t("plugin.state." + plugin.state().name()));
        state.getElement().getThemeList().add(switch (plugin.state()) {
            case ACTIVE -> "badge success";
            case FAILED -> "badge error";
            default -> "badge contrast";
        });
        state.setId("plugin-state-" + plugin.symbolicName());
        return state;
    }

    private Component healthCell(PluginInfo plugin) {
        if (plugin.health().healthy()) {
            Span ok = new Span(t("plugins.health.ok"));
            ok.setId("plugin-health-" + plugin.symbolicName());
            return ok;
        }
        UnorderedList causes = new UnorderedList();
        plugin.health().causes().forEach(cause -> causes.add(new ListItem(problem(cause))));
        causes.setId("plugin-health-" + plugin.symbolicName());
        causes.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        return causes;
    }

    private String installedText(PluginInfo plugin) {
        return plugin.installed().map(record -> t("plugins.installed.by", Formats.dateTime(record.at(), locale()),
                record.actor())).orElse(t("plugins.installed.with-platform"));
    }

    private Component actions(PluginInfo plugin) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(true);
        String bsn = plugin.symbolicName();
        // Any plugin may be stopped and started; first-party plugins installed with the platform
        // are upgraded and removed with the platform's own release, not here.
        if (plugin.state() == PluginState.ACTIVE) {
            buttons.add(button("plugins-stop-" + bsn, t("plugins.action.stop"), () -> run(() -> plugins.stop(bsn))));
        } else {
            buttons.add(button("plugins-start-" + bsn, t("plugins.action.start"), () -> run(() -> plugins.start(bsn))));
        }
        if (!plugin.managed()) {
            Span note = new Span(t("plugins.managed.no"));
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            buttons.add(note);
            return buttons;
        }
        buttons.add(button("plugins-upgrade-" + bsn, t("plugins.action.upgrade"), () -> openUpgrade(plugin)));
        plugin.rollbackVersion().ifPresent(previous -> buttons.add(button("plugins-rollback-" + bsn,
                t("plugins.action.rollback", previous), () -> confirmRollback(plugin, previous))));
        Button uninstall = button("plugins-uninstall-" + bsn, t("plugins.action.uninstall"),
                () -> confirmUninstall(plugin));
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR);
        buttons.add(uninstall);
        return buttons;
    }

    private Button button(String id, String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Component details(PluginInfo plugin) {
        VerticalLayout details = new VerticalLayout();
        details.setId("plugin-details-" + plugin.symbolicName());
        details.setPadding(false);
        details.add(new Paragraph(t("plugins.details.routes", plugin.routes().isEmpty() ? "—"
                : String.join(", ", plugin.routes()))));
        details.add(new Paragraph(t("plugins.details.permissions", plugin.permissions().isEmpty() ? "—"
                : String.join(", ", plugin.permissions()))));
        details.add(new Paragraph(plugin.migration().map(m -> t("plugins.details.migration",
                t("plugins.migration." + m.state().name()), m.changesetsApplied(), m.bundleVersion(),
                Formats.dateTime(m.finishedAt(), locale()))).orElse(t("plugins.details.no-migration"))));
        if (plugin.managed()) {
            List<InstallRecord> history = plugins.history(plugin.symbolicName());
            if (!history.isEmpty()) {
                UnorderedList list = new UnorderedList();
                list.setId("plugin-history-" + plugin.symbolicName());
                for (InstallRecord record : history) {
                    list.add(new ListItem(t("plugins.details.history-entry", Formats.dateTime(record.at(), locale()),
                            t("plugins.history." + record.action()), record.version(),
                            record.previousVersion().orElse("—"), record.actor())));
                }
                details.add(new H3(t("plugins.details.history")), list);
            }
        }
        return details;
    }

    // ---- install and upgrade ----

    /**
     * An upload that runs a dry run, then asks for confirmation; closes {@code closeOnDone} when
     * given. The shared {@link BoundedUploadHandler} refuses a file whose declared size is over the
     * server's limit unread, otherwise spools it to a temporary file and stops at the first byte
     * over the limit; the spooled file is deleted when the dry-run dialog closes or the action ends.
     */
    private Upload uploadFor(boolean upgrade, Dialog closeOnDone) {
        Upload upload = new Upload();
        long max = plugins.settings().maxUploadBytes();
        upload.setUploadHandler(new BoundedUploadHandler(max, CHECKED_BY_THE_SERVICE, received -> {
            upload.clearFileList();
            if (closeOnDone != null) {
                closeOnDone.close();
            }
            String name = received.fileName();
            confirmThen(() -> withFile(received, in -> upgrade ? plugins.dryRunUpgrade(name, in) : plugins.dryRunInstall(name, in)),
                    () -> withFile(received, in -> upgrade ? plugins.upgrade(name, in) : plugins.install(name, in)),
                    () -> deleteQuietly(received));
        }, refused -> {
            upload.clearFileList();
            showRefusal(refused, t("plugin.refused.too-large", refused.fileName(), max / (1024 * 1024)));
        }));
        upload.setId(upgrade ? "plugins-upgrade-upload" : "plugins-upload");
        upload.setAcceptedFileTypes(".jar", ".kar");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        var i18n = UploadTexts.of(this::t);
        i18n.getError().setIncorrectFileType(t("plugins.upload.wrong-type"));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> error(t("plugins.upload.rejected", e.getFileName(),
                max / (1024 * 1024))));
        upload.setWidthFull();
        return upload;
    }

    /**
     * Says why the server refused an upload: {@code tooLarge} (the screen's own words, with the
     * limit) when it was over the limit, the shared translated reason otherwise.
     */
    private void showRefusal(UploadRefusedException refusal, String tooLarge) {
        log.info("Upload {} refused: {}", refusal.fileName(), refusal.getMessage());
        error(refusal.reason() == UploadRefusedException.Reason.TOO_LARGE ? tooLarge
                : t(refusal.key(), refusal.args().toArray()));
    }

    private static <T> T withFile(SpooledUpload file, Function<InputStream, T> use) {
        try (InputStream in = file.openStream()) {
            return use.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteQuietly(SpooledUpload file) {
        try {
            file.close();
        } catch (UncheckedIOException e) {
            log.warn("Cannot delete the spooled upload {}", file.fileName(), e);
        }
    }

    private void openUpgrade(PluginInfo plugin) {
        Dialog dialog = new Dialog();
        dialog.setId("plugins-upgrade-dialog");
        dialog.setHeaderTitle(t("plugins.upgrade.title", plugin.name().isBlank() ? plugin.symbolicName()
                : plugin.name(), plugin.version()));
        dialog.setWidth("min(40rem, 96vw)");
        dialog.add(new Paragraph(t("plugins.upgrade.help")), uploadFor(true, dialog));
        Button cancel = new Button(t("plugins.cancel"), e -> dialog.close());
        cancel.setId("plugins-upgrade-cancel");
        dialog.getFooter().add(cancel);
        dialog.open();
    }

    /**
     * Shows the dry run; the action runs only when the administrator confirms an acceptable one.
     * {@code cleanup} runs once: when the dialog is dismissed, or when the confirmed action ends.
     */
    private void confirmThen(Supplier<DryRun> dryRun, Supplier<ActionResult> action, Runnable cleanup) {
        DryRun plan;
        try {
            plan = dryRun.get();
        } catch (AccessDeniedException e) {
            cleanup.run();
            error(t("plugins.denied"));
            return;
        } catch (RuntimeException e) {
            cleanup.run();
            throw e;
        }
        Dialog dialog = new Dialog();
        dialog.setId("plugins-dry-run");
        dialog.setWidth("min(46rem, 96vw)");
        dialog.setHeaderTitle(t(plan.kind() == DryRun.Kind.UPGRADE ? "plugins.dry-run.title-upgrade"
                : "plugins.dry-run.title-install"));
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        Paragraph what = new Paragraph(plan.plugin().map(p -> t("plugins.dry-run.plugin", p.symbolicName(),
                p.version())).orElse(t("plugins.dry-run.unknown-plugin")));
        what.setId("plugins-dry-run-plugin");
        body.add(what);
        plan.signer().ifPresent(signer -> {
            Paragraph signed = new Paragraph(t("plugins.dry-run.signer", signer));
            signed.setId("plugins-dry-run-signer");
            body.add(signed);
        });
        body.add(section("plugins-dry-run-install", t("plugins.dry-run.install"), refs(plan.toInstall())));
        body.add(section("plugins-dry-run-update", t("plugins.dry-run.update"), refs(plan.toUpdate())));
        body.add(section("plugins-dry-run-refresh", t("plugins.dry-run.refresh"), refs(plan.toRefresh())));
        body.add(section("plugins-dry-run-providers", t("plugins.dry-run.providers"), plan.providers().stream()
                .map(p -> t("plugins.dry-run.provider", p.requirement(), p.provider().toString())).toList()));
        if (!plan.acceptable()) {
            UnorderedList refusals = new UnorderedList();
            refusals.setId("plugins-dry-run-refusals");
            refusals.getStyle().set("color", "var(--lumo-error-text-color)");
            plan.refusals().forEach(r -> refusals.add(new ListItem(problem(r))));
            body.add(new H3(t("plugins.dry-run.refused")), refusals);
        }
        dialog.add(body);

        Button cancel = new Button(t("plugins.cancel"), e -> dialog.close());
        cancel.setId("plugins-dry-run-cancel");
        boolean[] confirmed = {false};
        Button confirm = new Button(t(plan.kind() == DryRun.Kind.UPGRADE ? "plugins.dry-run.confirm-upgrade"
                : "plugins.dry-run.confirm-install"), e -> {
            confirmed[0] = true;
            dialog.close();
            run(action, null, cleanup);
        });
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && !confirmed[0]) {
                cleanup.run();
            }
        });
        confirm.setId("plugins-dry-run-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(plan.acceptable());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private static List<String> refs(List<BundleRef> refs) {
        return refs.stream().map(BundleRef::toString).toList();
    }

    private Component section(String id, String title, List<String> lines) {
        Div section = new Div();
        section.setId(id);
        Span heading = new Span(title);
        heading.getStyle().set("font-weight", "600");
        section.add(heading);
        if (lines.isEmpty()) {
            section.add(new Paragraph(t("plugins.dry-run.none")));
        } else {
            UnorderedList list = new UnorderedList();
            lines.forEach(line -> list.add(new ListItem(line)));
            section.add(list);
        }
        return section;
    }

    // ---- other actions ----

    private void confirmRollback(PluginInfo plugin, String previous) {
        confirm("plugins-rollback-dialog", t("plugins.rollback.title"), t("plugins.rollback.text",
                plugin.symbolicName(), plugin.version(), previous), t("plugins.action.rollback", previous),
                () -> run(() -> plugins.rollback(plugin.symbolicName())));
    }

    private void confirmUninstall(PluginInfo plugin) {
        String bsn = plugin.symbolicName();
        Dialog dialog = new Dialog();
        dialog.setId("plugins-uninstall-dialog");
        dialog.setWidth("min(36rem, 96vw)");
        dialog.setHeaderTitle(t("plugins.uninstall.title", bsn));
        Checkbox purge = new Checkbox(t("plugins.uninstall.purge"));
        purge.setId("plugins-uninstall-purge");
        TextField typed = new TextField(t("plugins.uninstall.purge-confirm", bsn));
        typed.setId("plugins-uninstall-purge-confirm");
        typed.setWidthFull();
        typed.setVisible(false);
        purge.addValueChangeListener(e -> typed.setVisible(e.getValue()));
        dialog.add(new Paragraph(t("plugins.uninstall.text")), purge, typed);
        Button cancel = new Button(t("plugins.cancel"), e -> dialog.close());
        cancel.setId("plugins-uninstall-cancel");
        Button confirm = new Button(t("plugins.action.uninstall"), e -> {
            boolean deleteData = purge.getValue();
            if (deleteData && !bsn.equals(typed.getValue().trim())) {
                typed.setErrorMessage(t("plugins.uninstall.purge-mismatch", bsn));
                typed.setInvalid(true);
                return;
            }
            dialog.close();
            run(() -> plugins.uninstall(bsn), deleteData ? () -> plugins.purge(bsn, true) : null);
        });
        confirm.setId("plugins-uninstall-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void confirm(String id, String title, String text, String action, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setWidth("min(36rem, 96vw)");
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        Button cancel = new Button(t("plugins.cancel"), e -> dialog.close());
        cancel.setId(id + "-cancel");
        Button confirm = new Button(action, e -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void run(Supplier<ActionResult> action) {
        run(action, null, () -> { });
    }

    private void run(Supplier<ActionResult> action, Supplier<ActionResult> followUp) {
        run(action, followUp, () -> { });
    }

    /**
     * Runs an action (and, when it succeeds, a follow-up) on a background thread as the signed-in
     * administrator, with a progress dialog; then tells how it ended and refreshes the lists
     * through push. An install or upgrade waits for the plugin's health, which can take seconds;
     * the request thread is not held meanwhile. {@code cleanup} runs when the work ends, however it ends.
     */
    private void run(Supplier<ActionResult> action, Supplier<ActionResult> followUp, Runnable cleanup) {
        UI ui = UI.getCurrent();
        CurrentUser user = users.current();
        Dialog working = new Dialog();
        working.setId("plugins-working");
        working.setCloseOnEsc(false);
        working.setCloseOnOutsideClick(false);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        working.add(new Paragraph(t("plugins.working")), bar);
        working.open();
        Thread worker = new Thread(() -> {
            List<ActionResult> results = new ArrayList<>();
            boolean denied = false;
            try {
                ActionResult first = runAs.call(user, action::get);
                results.add(first);
                if (first.succeeded() && followUp != null) {
                    results.add(runAs.call(user, followUp::get));
                }
            } catch (AccessDeniedException e) {
                denied = true;
            } catch (Exception e) {
                log.error("Plugin action failed", e);
            } finally {
                cleanup.run();
            }
            boolean refused = denied;
            ui.access(() -> {
                working.close();
                if (refused) {
                    error(t("plugins.denied"));
                } else if (results.isEmpty()) {
                    error(t("plugins.result.failed-unexpectedly"));
                }
                results.forEach(this::report);
                refresh();
            });
        }, "congso-plugin-action");
        worker.setDaemon(true);
        worker.start();
    }

    private void report(ActionResult result) {
        String subject = result.plugin().map(BundleRef::toString).orElse("");
        String status = t("plugin.status." + result.status().name());
        if (result.succeeded()) {
            success(t("plugins.result.done", status, subject));
        } else {
            error(t("plugins.result.not-done", status, subject, result.problem().map(this::problem).orElse("")));
        }
    }

    // ---- texts ----

    private String problem(Problem problem) {
        return t(problem.key(), problem.args().toArray());
    }

    private String t(String key, Object... args) {
        return translations.translate(key, locale(), args);
    }

    private static Locale locale() {
        return UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
    }

    private void success(String text) {
        Notification notification = new Notification(text, 6000, Notification.Position.TOP_CENTER);
        notification.setId("plugins-result-success");
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }

    /** An error stays until closed: the administrator must be able to read the reason. */
    private void error(String text) {
        Notification notification = new Notification();
        notification.setDuration(0);
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.setId("plugins-result-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        Button close = new Button(t("plugins.close"), e -> notification.close());
        close.setId("plugins-result-error-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Span message = new Span(text);
        message.setId("plugins-result-error-text");
        HorizontalLayout content = new HorizontalLayout(message, close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.open();
    }
}
