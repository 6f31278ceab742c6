package dev.imagesdk.images.model;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * Format of the image's disk data. Operators configure the accepted list, so it is open.
 * Values this SDK does not know are kept verbatim ({@link #isKnown()} is {@code false}).
 */
public final class DiskFormat extends OpenEnum {
    private static final Values<DiskFormat> VALUES = new Values<>(DiskFormat::new);

    /** Amazon machine image. */
    public static final DiskFormat AMI = VALUES.declare("ami");
    /** Amazon ramdisk image. */
    public static final DiskFormat ARI = VALUES.declare("ari");
    /** Amazon kernel image. */
    public static final DiskFormat AKI = VALUES.declare("aki");
    /** Microsoft VHD. */
    public static final DiskFormat VHD = VALUES.declare("vhd");
    /** Microsoft VHDX. */
    public static final DiskFormat VHDX = VALUES.declare("vhdx");
    /** VMware disk. */
    public static final DiskFormat VMDK = VALUES.declare("vmdk");
    /** Unstructured raw disk. */
    public static final DiskFormat RAW = VALUES.declare("raw");
    /** QEMU copy-on-write v2. */
    public static final DiskFormat QCOW2 = VALUES.declare("qcow2");
    /** VirtualBox disk. */
    public static final DiskFormat VDI = VALUES.declare("vdi");
    /** Virtuozzo ploop. */
    public static final DiskFormat PLOOP = VALUES.declare("ploop");
    /** ISO 9660 optical image. */
    public static final DiskFormat ISO = VALUES.declare("iso");

    private DiskFormat(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static DiskFormat of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows, in the server's documented order. */
    public static List<DiskFormat> knownValues() {
        return VALUES.known();
    }
}
