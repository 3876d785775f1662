package vn.congso.services.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The services plugin's settings, PID {@code vn.congso.services} ({@code etc/vn.congso.services.cfg}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%services.name",
        description = "%services.description")
public @interface ServicesConfig {

    /** The PID. */
    String PID = "vn.congso.services";

    /** @return the time of day (HH:mm) from which a receipt counts from the next working day */
    @AttributeDefinition(name = "%services.cutOff.name", description = "%services.cutOff.description")
    String cutOff() default "17:00";

    /** @return working days before the due day from which a dossier is flagged as due soon */
    @AttributeDefinition(name = "%services.dueSoonDays.name", description = "%services.dueSoonDays.description")
    int dueSoonDays() default 1;

    /** @return the largest attachment, in megabytes */
    @AttributeDefinition(name = "%services.maxFileMegabytes.name", description = "%services.maxFileMegabytes.description")
    int maxFileMegabytes() default 10;

    /** @return whether the demo catalogue, accounts and dossiers are loaded on first start */
    @AttributeDefinition(name = "%services.demoData.name", description = "%services.demoData.description")
    boolean demoData() default true;

    /** @return the authority printed on receipts */
    @AttributeDefinition(name = "%services.authority.name", description = "%services.authority.description")
    String authority() default "Ủy ban nhân dân huyện Trần Đề";
}
