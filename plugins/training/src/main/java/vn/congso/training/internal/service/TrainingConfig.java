package vn.congso.training.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The training plugin's settings, PID {@code vn.congso.training} ({@code etc/vn.congso.training.cfg}). */
@ObjectClassDefinition(name = "CongSo training", description = "Training plugin: certificates and demo data;"
        + " certificate links use the platform's publicBaseUrl (PID vn.congso.ui)")
@interface TrainingConfig {

    /** The PID. */
    String PID = "vn.congso.training";

    /** @return the issuing authority printed on certificates */
    @AttributeDefinition(description = "Issuing authority printed at the top of certificates")
    String authority() default "Ủy ban nhân dân huyện Trần Đề";

    /** @return the place printed before the date */
    @AttributeDefinition(description = "Place printed before the date on certificates")
    String place() default "Trần Đề";

    /** @return the signer's title, lines separated by {@code |} */
    @AttributeDefinition(description = "Signer's title printed above the signature, lines separated by |,"
            + " for example TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")
    String signerTitle() default "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH";

    /** @return the signer's full name, printed below the signature; empty leaves the line blank */
    @AttributeDefinition(description = "Signer's full name printed below the signature (empty: none)")
    String signerName() default "";

    /** @return whether the demo course, bank and exam are loaded on first start */
    @AttributeDefinition(description = "Load the demo course, question bank and exam on first start (once)")
    boolean demoData() default true;

    /** @return how often the sweeper looks for overdue attempts */
    @AttributeDefinition(description = "Seconds between two runs of the auto-submit sweeper")
    int sweepSeconds() default 5;
}
