package dev.imagesdk.core.auth;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.RealGlance;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Where the Keystone ITs find the real Keystone and the keystone-mode Glance started by
 * {@code scripts/it-env.sh up} (variables from {@code /tmp/imagesdk-it/it.env}). Without
 * {@code IMAGESDK_KEYSTONE_URL} they are skipped (failed when {@code IMAGESDK_IT_REQUIRED=true}).
 * Also does the few Keystone admin calls the tests need (raw HTTP, outside the SDK).
 */
public final class RealKeystone {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final MediaType JSON = MediaType.get("application/json");

    private RealKeystone() {
    }

    /** Keystone's URL, e.g. {@code http://127.0.0.1:5000} (skips the test when unset). */
    public static String url() {
        return RealGlance.require("IMAGESDK_KEYSTONE_URL");
    }

    /** The keystone-mode Glance, e.g. {@code http://127.0.0.1:9293}. */
    public static String glanceUrl() {
        return RealGlance.require("IMAGESDK_GLANCE_KEYSTONE_URL");
    }

    /** A value from it.env with the default scripts/keystone.sh uses. */
    public static String setting(String name, String defaultValue) {
        String v = RealGlance.setting(name);
        return v == null ? defaultValue : v;
    }

    public static String region() {
        return setting("IMAGESDK_KEYSTONE_REGION", "RegionOne");
    }

    public static String domainName() {
        return setting("IMAGESDK_KEYSTONE_DOMAIN_NAME", "Default");
    }

    public static String aliceUser() {
        return setting("IMAGESDK_KEYSTONE_ALICE_USER", "alice");
    }

    public static String alicePassword() {
        return setting("IMAGESDK_KEYSTONE_ALICE_PASSWORD", "demo-secret");
    }

    public static String aliceProject() {
        return setting("IMAGESDK_KEYSTONE_DEMO_A_PROJECT", "demo-a");
    }

    /** The image endpoint registered in the catalog. */
    public static String catalogImageUrl() {
        return setting("IMAGESDK_KEYSTONE_IMAGE_URL", "http://127.0.0.1:9293");
    }

    /** Alice (member of demo-a) by password, scoped to demo-a, image endpoint from the catalog in the test region. */
    public static KeystoneAuth.Builder alice() {
        return Auth.keystone(url()).username(aliceUser()).userDomainName(domainName()).password(alicePassword())
                .projectName(aliceProject()).projectDomainName(domainName()).region(region());
    }

    /** A token of the bootstrap admin (admin project). */
    public static String adminToken() {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + setting("IMAGESDK_KEYSTONE_ADMIN_USER", "admin") + "\",\"domain\":{\"name\":\"" + domainName()
                + "\"},\"password\":\"" + setting("IMAGESDK_KEYSTONE_ADMIN_PASSWORD", "admin-secret") + "\"}}},"
                + "\"scope\":{\"project\":{\"name\":\"" + setting("IMAGESDK_KEYSTONE_ADMIN_PROJECT", "admin")
                + "\",\"domain\":{\"name\":\"" + domainName() + "\"}}}}}";
        return token(body);
    }

    /** A token issued for a raw {@code POST /v3/auth/tokens} body. */
    public static String token(String body) {
        Request request = new Request.Builder().url(url() + "/v3/auth/tokens").post(RequestBody.create(body, JSON)).build();
        try (Response r = HTTP.newCall(request).execute()) {
            if (r.code() != 201) {
                throw new IllegalStateException("Keystone refused the token request: HTTP " + r.code());
            }
            return r.header("X-Subject-Token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Alice's token for demo-a, from a raw token request. */
    public static String aliceToken() {
        return token("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + aliceUser() + "\",\"domain\":{\"name\":\"" + domainName() + "\"},\"password\":\"" + alicePassword()
                + "\"}}},\"scope\":{\"project\":{\"name\":\"" + aliceProject() + "\",\"domain\":{\"name\":\""
                + domainName() + "\"}}}}}");
    }

    /** Status of {@code GET /v2/images?limit=1} on the keystone-mode Glance with this token. */
    public static int glanceStatus(String token) {
        Request request = new Request.Builder().url(glanceUrl() + "/v2/images?limit=1").header("X-Auth-Token", token).build();
        try (Response r = HTTP.newCall(request).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Revokes a token server-side ({@code DELETE /v3/auth/tokens}); returns the status (204). */
    public static int revoke(String token) {
        Request request = new Request.Builder().url(url() + "/v3/auth/tokens").delete()
                .header("X-Auth-Token", adminToken()).header("X-Subject-Token", token).build();
        try (Response r = HTTP.newCall(request).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw Keystone API call with a token; returns status and body. */
    public static Map.Entry<Integer, String> call(String method, String path, String token, String jsonBody) {
        Request request = new Request.Builder().url(url() + path).header("X-Auth-Token", token)
                .method(method, jsonBody == null ? null : RequestBody.create(jsonBody, JSON)).build();
        try (Response r = HTTP.newCall(request).execute()) {
            return Map.entry(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
