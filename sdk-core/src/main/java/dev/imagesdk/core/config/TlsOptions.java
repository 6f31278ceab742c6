package dev.imagesdk.core.config;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the SDK's HTTPS connections verify the server and identify the client: the JVM's trusted CAs
 * (the default), a PEM CA bundle (clouds.yaml {@code cacert}), a caller's own {@link SSLSocketFactory},
 * a client certificate and key in PEM (clouds.yaml {@code cert}/{@code key}), or — opt-in and logged
 * as a warning — no verification at all ({@code verify: false}, {@code insecure: true}). Immutable.
 */
public final class TlsOptions {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.tls");
    private static final TlsOptions DEFAULTS = new TlsOptions(new Builder());

    private final Path caCertificates;
    private final SSLSocketFactory socketFactory;
    private final X509TrustManager trustManager;
    private final Path clientCertificate;
    private final Path clientKey;
    private final boolean insecure;

    private TlsOptions(Builder b) {
        this.caCertificates = b.caCertificates;
        this.socketFactory = b.socketFactory;
        this.trustManager = b.trustManager;
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
        this.insecure = b.insecure;
    }

    /** The JVM's defaults: trust the JVM's CAs, verify host names, no client certificate. */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code true} when nothing differs from the JVM's defaults. */
    public boolean isDefault() {
        return caCertificates == null && socketFactory == null && clientCertificate == null && !insecure;
    }

    /** {@code true} when server certificates and host names are not verified. */
    public boolean isInsecure() {
        return insecure;
    }

    /** The PEM CA bundle trusted instead of the JVM's CAs, if one is set. */
    public Optional<Path> caCertificates() {
        return Optional.ofNullable(caCertificates);
    }

    /** The caller's own socket factory, if one is set (with {@link #trustManager()}). */
    public Optional<SSLSocketFactory> sslSocketFactory() {
        return Optional.ofNullable(socketFactory);
    }

    /** The trust manager given with {@link #sslSocketFactory()}, if one is set. */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /** The PEM client certificate (chain) presented to the server, if one is set. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** The PEM private key of the client certificate, when it is not in the certificate file. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    @Override
    public String toString() {
        if (isDefault()) {
            return "TlsOptions{defaults}";
        }
        List<String> parts = new ArrayList<>();
        if (insecure) {
            parts.add("INSECURE");
        }
        if (caCertificates != null) {
            parts.add("cacert=" + caCertificates);
        }
        if (socketFactory != null) {
            parts.add("custom socket factory");
        }
        if (clientCertificate != null) {
            parts.add("cert=" + clientCertificate);
        }
        return "TlsOptions{" + String.join(", ", parts) + "}";
    }

    /** Builds {@link TlsOptions}. */
    public static final class Builder {
        private Path caCertificates;
        private SSLSocketFactory socketFactory;
        private X509TrustManager trustManager;
        private Path clientCertificate;
        private Path clientKey;
        private boolean insecure;

        private Builder() {
        }

        /** Trust exactly the CA certificates in this PEM file (instead of the JVM's CAs). */
        public Builder caCertificates(Path pemBundle) {
            this.caCertificates = Arguments.notNull(pemBundle, "pemBundle");
            return this;
        }

        /** Use the caller's socket factory and trust manager as they are (excludes the other settings). */
        public Builder sslSocketFactory(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
            this.socketFactory = Arguments.notNull(socketFactory, "socketFactory");
            this.trustManager = Arguments.notNull(trustManager, "trustManager");
            return this;
        }

        /**
         * Present a client certificate: a PEM certificate (chain) and its unencrypted PEM private key
         * (PKCS#8 {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}); {@code privateKeyPem}
         * may be {@code null} when the key is in the certificate file.
         */
        public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
            this.clientCertificate = Arguments.notNull(certificatePem, "certificatePem");
            this.clientKey = privateKeyPem;
            return this;
        }

        /**
         * Switch off server certificate and host name verification. Only for test clouds: the client
         * logs a warning when it is built.
         */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        /**
         * The options.
         *
         * @throws ValidationException when a custom socket factory is combined with other settings
         */
        public TlsOptions build() {
            if (socketFactory != null && (caCertificates != null || clientCertificate != null || insecure)) {
                throw new ValidationException("a custom SSLSocketFactory excludes caCertificates, clientCertificate "
                        + "and insecure: configure those in the factory");
            }
            if (insecure && caCertificates != null) {
                LOG.debug("insecure is set: the CA bundle {} is not used", caCertificates);
            }
            return new TlsOptions(this);
        }
    }
}
