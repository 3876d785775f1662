package vn.congso.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the plugin service, PID {@code vn.congso.admin} ({@code etc/vn.congso.admin.cfg}). */
@ObjectClassDefinition(name = "CongSo plugin administration", description = "Trust, size and health limits for plugins")
@interface PluginAdminConfig {

    /** Accept plugins that are not signed; the plugins view shows a warning while this is on. */
    @AttributeDefinition(name = "Allow unsigned plugins")
    boolean allowUnsigned() default false;

    /** The largest accepted upload. */
    @AttributeDefinition(name = "Largest upload (MB)", min = "1")
    int maxUploadMegabytes() default 50;

    /** The most entries an uploaded archive (and each jar inside a .kar) may list. */
    @AttributeDefinition(name = "Most archive entries", min = "1")
    int maxArchiveEntries() default 20000;

    /** The most an upload may inflate to, all its archives together. */
    @AttributeDefinition(name = "Largest inflated size (MB)", min = "1")
    int maxInflatedMegabytes() default 256;

    /** The highest inflated-to-compressed ratio of an archive entry larger than 1 MB. */
    @AttributeDefinition(name = "Highest compression ratio", min = "2")
    int maxCompressionRatio() default 100;

    /** How long a new or upgraded plugin has to become healthy before it is removed or rolled back. */
    @AttributeDefinition(name = "Health time limit (seconds)", min = "1")
    int healthTimeoutSeconds() default 20;

    /** Folder of trusted signer certificates (PEM); relative paths are under {@code ${karaf.etc}}. */
    @AttributeDefinition(name = "Trust store folder")
    String trustStore() default "congso-trust";

    /** Only features from repositories whose name starts with this are offered; empty offers all. */
    @AttributeDefinition(name = "Features repository name prefix")
    String featureRepositoryPrefix() default "congso";
}
