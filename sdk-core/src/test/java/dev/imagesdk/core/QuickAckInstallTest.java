package dev.imagesdk.core;

import dev.imagesdk.core.internal.http.QuickAck;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickAckInstallTest {
    @Test
    void theSdksOwnClientAcknowledgesResponsesAtOnceACallersClientKeepsItsListener() {
        assertThat(new HttpClientAssembly(null).build().eventListenerFactory()).isSameAs(QuickAck.FACTORY);
        EventListener.Factory callers = call -> EventListener.NONE;
        OkHttpClient caller = new OkHttpClient.Builder().eventListenerFactory(callers).build();
        assertThat(new HttpClientAssembly(caller).build().eventListenerFactory()).isSameAs(callers);
    }
}
