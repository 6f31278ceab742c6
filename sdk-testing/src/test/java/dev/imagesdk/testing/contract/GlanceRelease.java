package dev.imagesdk.testing.contract;

/**
 * What the contract expects where the Glance releases it runs on answer differently (observed on each
 * release, written here by hand). The emulator answers as Glance 25.1. The real Glance's run reads
 * {@code IMAGESDK_GLANCE_RELEASE} ({@code 25}, the default, or {@code 30}), which
 * {@code scripts/test-all.sh} sets for the run against the second release.
 *
 * @param name the release, e.g. {@code 25.1}
 * @param currentApiVersion the version its {@code /versions} marks CURRENT
 * @param queuedDownloadHasContentLength whether the 204 for an image without data carries
 *                                       {@code Content-Length: 0} (25.1 does, 30.0 sends no length)
 * @param taskSourceCheckedOnCreate whether {@code POST /v2/tasks} refuses an import task's unsupported
 *                                  {@code import_from} with 400 (30.0) instead of failing the task (25.1)
 */
public record GlanceRelease(String name, String currentApiVersion, boolean queuedDownloadHasContentLength,
                            boolean taskSourceCheckedOnCreate) {
    /** Debian 12's Glance 25.1 (Zed): API 2.16. */
    public static final GlanceRelease GLANCE_25 = new GlanceRelease("25.1", "2.16", true, false);
    /** Debian 13's Glance 30.0 (2025.1): API 2.17. */
    public static final GlanceRelease GLANCE_30 = new GlanceRelease("30.0", "2.17", false, true);

    /** The release of the real Glance under test, from {@code IMAGESDK_GLANCE_RELEASE} (default 25). */
    public static GlanceRelease underTest() {
        String v = System.getProperty("IMAGESDK_GLANCE_RELEASE", System.getenv("IMAGESDK_GLANCE_RELEASE"));
        if (v == null || v.isBlank() || v.trim().equals("25")) {
            return GLANCE_25;
        }
        if (v.trim().equals("30")) {
            return GLANCE_30;
        }
        throw new IllegalStateException("IMAGESDK_GLANCE_RELEASE must be 25 or 30, not " + v);
    }

    /**
     * The status of a metadef object or property renamed (PUT) onto a name its namespace already has: 409
     * "Invalid update..." on 25.1; 30.0 answers 500 (its database layer fails on the unique constraint).
     */
    public int metadefRenameOntoExistingStatus() {
        return name.equals("30.0") ? 500 : 409;
    }
}
