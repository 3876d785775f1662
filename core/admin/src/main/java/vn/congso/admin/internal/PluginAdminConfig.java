package vn.congso.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the plugin service, PID {@code vn.congso.admin} ({@code etc/vn.congso.admin.cfg}).
 * Names and descriptions are in {@code OSGI-INF/l10n/metatype*.properties}.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%admin.name",
        description = "%admin.description")
@interface PluginAdminConfig {

    /** Accept plugins that are not signed; the plugins view shows a warning while this is on. */
    @AttributeDefinition(name = "%admin.allowUnsigned.name", description = "%admin.allowUnsigned.description")
    boolean allowUnsigned() default false;

    /** The largest accepted upload. */
    @AttributeDefinition(name = "%admin.maxUploadMegabytes.name", description = "%admin.maxUploadMegabytes.description",
            min = "1")
    int maxUploadMegabytes() default 50;

    /** The most entries an uploaded archive (and each jar inside a .kar) may list. */
    @AttributeDefinition(name = "%admin.maxArchiveEntries.name", description = "%admin.maxArchiveEntries.description",
            min = "1")
    int maxArchiveEntries() default 20000;

    /** The most an upload may inflate to, all its archives together. */
    @AttributeDefinition(name = "%admin.maxInflatedMegabytes.name",
            description = "%admin.maxInflatedMegabytes.description", min = "1")
    int maxInflatedMegabytes() default 256;

    /** The highest inflated-to-compressed ratio of an archive entry larger than 1 MB. */
    @AttributeDefinition(name = "%admin.maxCompressionRatio.name",
            description = "%admin.maxCompressionRatio.description", min = "2")
    int maxCompressionRatio() default 100;

    /** How long a new or upgraded plugin has to become healthy before it is removed or rolled back. */
    @AttributeDefinition(name = "%admin.healthTimeoutSeconds.name",
            description = "%admin.healthTimeoutSeconds.description", min = "1")
    int healthTimeoutSeconds() default 20;

    /** Folder of trusted signer certificates (PEM); relative paths are under {@code ${karaf.etc}}. */
    @AttributeDefinition(name = "%admin.trustStore.name", description = "%admin.trustStore.description")
    String trustStore() default "congso-trust";

    /** Only features from repositories whose name starts with this are offered; empty offers all. */
    @AttributeDefinition(name = "%admin.featureRepositoryPrefix.name",
            description = "%admin.featureRepositoryPrefix.description")
    String featureRepositoryPrefix() default "congso";
}
