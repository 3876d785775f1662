package vn.congso.training.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The training plugin's settings, PID {@code vn.congso.training} ({@code etc/vn.congso.training.cfg}). */
@ObjectClassDefinition(name = "CongSo training", description = "Training plugin: certificates and demo data")
@interface TrainingConfig {

    /** The PID. */
    String PID = "vn.congso.training";

    /** @return the address people reach the platform at; certificate QR codes link below it */
    @AttributeDefinition(description = "Public base URL; certificate QR codes point to <base>/training/verify/<code>")
    String publicBaseUrl() default "http://127.0.0.1:8181";

    /** @return the issuing authority printed on certificates */
    @AttributeDefinition(description = "Issuing authority printed at the top of certificates")
    String authority() default "Ủy ban nhân dân huyện Trần Đề";

    /** @return the place printed before the date */
    @AttributeDefinition(description = "Place printed before the date on certificates")
    String place() default "Trần Đề";

    /** @return who signs certificates (title) */
    @AttributeDefinition(description = "Signer's title printed on certificates")
    String signerTitle() default "TM. Ủy ban nhân dân huyện";

    /** @return whether the demo course, bank and exam are loaded on first start */
    @AttributeDefinition(description = "Load the demo course, question bank and exam on first start (once)")
    boolean demoData() default true;

    /** @return how often the sweeper looks for overdue attempts */
    @AttributeDefinition(description = "Seconds between two runs of the auto-submit sweeper")
    int sweepSeconds() default 5;
}
