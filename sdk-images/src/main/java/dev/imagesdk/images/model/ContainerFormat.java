package dev.imagesdk.images.model;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * Whether the image data is wrapped in a container with metadata. Operators configure the accepted list, so it is open.
 * Values this SDK does not know are kept verbatim ({@link #isKnown()} is {@code false}).
 */
public final class ContainerFormat extends OpenEnum {
    private static final Values<ContainerFormat> VALUES = new Values<>(ContainerFormat::new);

    /** Amazon machine image. */
    public static final ContainerFormat AMI = VALUES.declare("ami");
    /** Amazon ramdisk image. */
    public static final ContainerFormat ARI = VALUES.declare("ari");
    /** Amazon kernel image. */
    public static final ContainerFormat AKI = VALUES.declare("aki");
    /** No container: the disk data as is. */
    public static final ContainerFormat BARE = VALUES.declare("bare");
    /** Open Virtualization Format. */
    public static final ContainerFormat OVF = VALUES.declare("ovf");
    /** OVF archive (tar). */
    public static final ContainerFormat OVA = VALUES.declare("ova");
    /** Docker tar archive. */
    public static final ContainerFormat DOCKER = VALUES.declare("docker");
    /** Compressed archive. */
    public static final ContainerFormat COMPRESSED = VALUES.declare("compressed");

    private ContainerFormat(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static ContainerFormat of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows, in the server's documented order. */
    public static List<ContainerFormat> knownValues() {
        return VALUES.known();
    }
}
