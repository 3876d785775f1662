package vn.congso.training.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The training plugin's settings, PID {@code vn.congso.training} ({@code etc/vn.congso.training.cfg}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%training.name",
        description = "%training.description")
@interface TrainingConfig {

    /** The PID. */
    String PID = "vn.congso.training";

    /** @return the address people reach the platform at; certificate QR codes link below it */
    @AttributeDefinition(name = "%training.publicBaseUrl.name", description = "%training.publicBaseUrl.description")
    String publicBaseUrl() default "http://127.0.0.1:8181";

    /** @return the issuing authority printed on certificates */
    @AttributeDefinition(name = "%training.authority.name", description = "%training.authority.description")
    String authority() default "Ủy ban nhân dân huyện Trần Đề";

    /** @return the place printed before the date */
    @AttributeDefinition(name = "%training.place.name", description = "%training.place.description")
    String place() default "Trần Đề";

    /** @return who signs certificates (title) */
    @AttributeDefinition(name = "%training.signerTitle.name", description = "%training.signerTitle.description")
    String signerTitle() default "TM. Ủy ban nhân dân huyện";

    /** @return whether the demo course, bank and exam are loaded on first start */
    @AttributeDefinition(name = "%training.demoData.name", description = "%training.demoData.description")
    boolean demoData() default true;

    /** @return how often the sweeper looks for overdue attempts */
    @AttributeDefinition(name = "%training.sweepSeconds.name", description = "%training.sweepSeconds.description")
    int sweepSeconds() default 5;
}
