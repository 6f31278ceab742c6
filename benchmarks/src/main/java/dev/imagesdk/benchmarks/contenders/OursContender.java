package dev.imagesdk.benchmarks.contenders;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.UploadOpts;

import java.nio.file.Path;

/**
 * imagesdk, used the way its README shows: one {@link ServiceClient} with a token, {@link Images} on top.
 * The download verifies by itself (it reads {@code os_hash_algo}/{@code os_hash_value} from the image
 * record and hashes while streaming); the contender only checks that it did.
 */
public final class OursContender implements JavaContender {
    private final ServiceClient client;
    private final Images images;
    private final UploadOpts uploadOpts;

    /**
     * @param endpoint the service root (real Glance or canned nginx)
     * @param token Keystone token
     * @param verifyUploads whether uploads hash and read the image back (the default); off for the canned
     *                      nginx site, whose PUT sink has no image record to read back (curl, its yardstick,
     *                      does not verify either)
     */
    public OursContender(String endpoint, String token, boolean verifyUploads) {
        client = ServiceClient.builder().endpoint(endpoint).auth(Auth.token(token)).build();
        images = Images.of(client);
        uploadOpts = UploadOpts.builder().verify(verifyUploads).build();
    }

    @Override
    public void downloadVerified(String id, Path dest, String expectedSha512) {
        downloadVerified(id, dest, expectedSha512, true);
    }

    /**
     * As {@link #downloadVerified(String, Path, String)}, with the file flushed to the storage device before
     * it is moved into place ({@code durable}, the default) or not ({@code DownloadOpts.durable(false)}).
     */
    public void downloadVerified(String id, Path dest, String expectedSha512, boolean durable) {
        DownloadResult r = images.download(id, dest, DownloadOpts.builder().durable(durable).build());
        if (!"sha512".equals(r.verifiedAlgorithm().orElse(null)) || !expectedSha512.equals(r.digest().orElse(null))) {
            throw new IllegalStateException("imagesdk did not verify the download with SHA-512: " + r);
        }
    }

    @Override
    public void upload(String id, Path source) {
        images.upload(id, source, uploadOpts);
    }

    @Override
    public long listAll(int pageSize) {
        long n = 0;
        for (Image ignored : images.list(ListOpts.builder().limit(pageSize).build())) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        client.close();
    }
}
