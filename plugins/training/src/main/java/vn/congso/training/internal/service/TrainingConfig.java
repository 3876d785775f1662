package vn.congso.training.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The training plugin's settings, PID {@code vn.congso.training} ({@code etc/vn.congso.training.cfg}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%training.name",
        description = "%training.description")
@interface TrainingConfig {

    /** The PID. */
    String PID = "vn.congso.training";

    /** @return the issuing authority printed on certificates */
    @AttributeDefinition(name = "%training.authority.name", description = "%training.authority.description")
    String authority() default "Ủy ban nhân dân huyện Trần Đề";

    /** @return the place printed before the date */
    @AttributeDefinition(name = "%training.place.name", description = "%training.place.description")
    String place() default "Trần Đề";

    /** @return the signer's title, lines separated by {@code |} */
    @AttributeDefinition(name = "%training.signerTitle.name", description = "%training.signerTitle.description")
    String signerTitle() default "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH";

    /** @return the signer's full name, printed below the signature; empty leaves the line blank */
    @AttributeDefinition(name = "%training.signerName.name", description = "%training.signerName.description")
    String signerName() default "";

    /** @return whether the demo course, bank and exam are loaded on first start */
    @AttributeDefinition(name = "%training.demoData.name", description = "%training.demoData.description")
    boolean demoData() default true;

    /** @return how often the sweeper looks for overdue attempts */
    @AttributeDefinition(name = "%training.sweepSeconds.name", description = "%training.sweepSeconds.description")
    int sweepSeconds() default 5;
}
