package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {
    private static final Retry FAST = new Retry(new Retry.Settings(3, Duration.ofMillis(1), Duration.ofMillis(2), 0,
            Duration.ofSeconds(60), Duration.ofSeconds(60)));

    private static ServerException unavailable(String retryAfter) {
        return new ServerException(503, "busy", "GET", "u", null,
                retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)));
    }

    @Test
    void aGetAnswered503IsRepeatedUpToMaxAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> FAST.run(ApiRequest.get("images").build(), "u", () -> {
            attempts.incrementAndGet();
            throw unavailable(null);
        })).isInstanceOf(ServerException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aPostIsRepeatedOnlyWhenTheConnectionWasNeverMade() {
        ApiRequest post = ApiRequest.post("images").jsonBody("{}").build();
        assertThat(FAST.shouldRetry(post, unavailable(null))).isFalse();
        assertThat(FAST.shouldRetry(post, new TransportException("reset", "POST", "u", new IOException(), false))).isFalse();
        assertThat(FAST.shouldRetry(post, new TransportException("refused", "POST", "u", new IOException(), true))).isTrue();
    }

    @Test
    void retryAfterIsHonouredUpToTheLimit() {
        assertThat(FAST.delayBefore(1, unavailable("2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(FAST.shouldRetry(ApiRequest.get().build(), unavailable("61"))).isFalse();
        assertThat(FAST.delayBefore(1, null)).isEqualTo(Duration.ofMillis(1));
        assertThat(FAST.delayBefore(5, null)).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void aRefusedUploadIsRepeatedOnlyWhenItsResendCheckAllowsIt() {
        okhttp3.RequestBody file = okhttp3.RequestBody.create(new byte[10], okhttp3.MediaType.get("application/octet-stream"));
        AtomicInteger checks = new AtomicInteger();
        ApiRequest allowed = ApiRequest.put("images", "x", "file").body(file).retryable(false)
                .resendAfterRefusal(refusal -> checks.incrementAndGet() > 0).build();
        ApiRequest refused = ApiRequest.put("images", "x", "file").body(file).retryable(false)
                .resendAfterRefusal(refusal -> false).build();
        ApiRequest unchecked = ApiRequest.put("images", "x", "file").body(file).retryable(false).build();

        assertThat(FAST.shouldRetry(allowed, unavailable("1"))).isTrue();
        assertThat(FAST.shouldRetry(allowed, new dev.imagesdk.core.error.RateLimitedException("slow down", "PUT", "u", null,
                Map.of(), Duration.ofSeconds(1)))).isTrue();
        assertThat(checks).hasValue(2);
        // not a refusal: a 500, a Retry-After beyond the limit, a broken connection
        assertThat(FAST.shouldRetry(allowed, new ServerException(500, "bug", "PUT", "u", null, Map.of()))).isFalse();
        assertThat(FAST.shouldRetry(allowed, unavailable("61"))).isFalse();
        assertThat(FAST.shouldRetry(allowed, new TransportException("reset", "PUT", "u", new IOException(), false))).isFalse();
        assertThat(checks).as("asked only for refusals").hasValue(2);
        assertThat(FAST.shouldRetry(refused, unavailable(null))).isFalse();
        assertThat(FAST.shouldRetry(unchecked, unavailable(null))).isFalse();
    }

    @Test
    void aRefusedOneShotUploadIsNeverRepeated() {
        okhttp3.RequestBody stream = new okhttp3.RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return null;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) {
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
        ApiRequest put = ApiRequest.put("images", "x", "file").body(stream).retryable(false)
                .resendAfterRefusal(refusal -> true).build();
        assertThat(FAST.shouldRetry(put, unavailable(null))).isFalse();
        assertThat(FAST.isRetryableRefusal(unavailable(null))).as("yet it was a refusal the policy retries").isTrue();
    }

    @Test
    void aCheckedFailureOfTheAttemptBecomesATransportException() {
        assertThatThrownBy(() -> new Retry(new Retry.Settings(1, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofSeconds(1), Duration.ZERO)).run(ApiRequest.get().build(), "http://h/x", () -> {
            throw new IOException("boom");
        })).isInstanceOf(TransportException.class).hasMessageContaining("boom");
    }
}
