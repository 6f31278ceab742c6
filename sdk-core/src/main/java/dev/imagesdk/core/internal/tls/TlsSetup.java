package dev.imagesdk.core.internal.tls;

import dev.imagesdk.core.config.TlsOptions;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link TlsOptions} into the HTTP client's TLS set-up: trust managers from a PEM CA bundle,
 * key managers from a PEM client certificate and key, or the caller's socket factory as given.
 * Internal: users configure TLS through {@link TlsOptions} and {@code ServiceClient.Builder}.
 */
public final class TlsSetup {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.tls");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private TlsSetup() {
    }

    /**
     * Applies {@code options} to an HTTP client under construction. Reads the PEM files now; logs one
     * warning when verification is switched off.
     *
     * @throws ValidationException when a file cannot be read or holds no usable certificate or key
     */
    public static void apply(TlsOptions options, OkHttpClient.Builder http) {
        if (options.isDefault()) {
            return;
        }
        if (options.sslSocketFactory().isPresent()) {
            http.sslSocketFactory(options.sslSocketFactory().get(), options.trustManager().orElseThrow());
            return;
        }
        boolean insecure = options.isInsecure();
        Path caCertificates = options.caCertificates().orElse(null);
        Path clientCertificate = options.clientCertificate().orElse(null);
        Path clientKey = options.clientKey().orElse(null);
        X509TrustManager trust;
        if (insecure) {
            LOG.warn("TLS verification is OFF for this client (insecure / verify: false): server certificates and "
                    + "host names are not checked, so anyone on the network path can read and change the traffic, "
                    + "tokens included. Configure the CA instead (cacert).");
            trust = TrustEverything.INSTANCE;
            http.hostnameVerifier((host, session) -> true);
        } else if (caCertificates != null) {
            trust = trustManager(caCertificates);
        } else {
            trust = systemTrustManager();
        }
        KeyManager[] keyManagers = clientCertificate == null ? null : keyManagers(clientCertificate, clientKey);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trust}, null);
            http.sslSocketFactory(context.getSocketFactory(), trust);
        } catch (GeneralSecurityException e) {
            throw new ValidationException("cannot set up TLS: " + e.getMessage());
        }
    }

    private static X509TrustManager trustManager(Path bundle) {
        List<X509Certificate> certificates = certificates(bundle, "CA bundle (cacert)");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return x509(tmf.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new ValidationException("cannot use the CA bundle " + bundle + ": " + e.getMessage());
        }
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return x509(tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new ValidationException("cannot load the JVM's trusted CAs: " + e.getMessage());
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager) {
                return (X509TrustManager) m;
            }
        }
        throw new ValidationException("the JVM offers no X.509 trust manager");
    }

    private static KeyManager[] keyManagers(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile, "client certificate (cert)");
        PrivateKey key = privateKey(keyFile != null ? keyFile : certificateFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new ValidationException("cannot use the client certificate " + certificateFile + " with its key: "
                    + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(Path file, String what) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : pemBlocks(file, what, "CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException e) {
            throw new ValidationException("the " + what + " " + file + " holds an unreadable certificate: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ValidationException("the " + what + " " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) {
        String text = read(file, "private key (key)");
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            byte[] pkcs8;
            if ("PRIVATE KEY".equals(type)) {
                pkcs8 = der;
            } else if ("RSA PRIVATE KEY".equals(type)) {
                pkcs8 = rsaPkcs1ToPkcs8(der);
            } else {
                throw new ValidationException("the private key " + file + " is a \"" + type + "\", which is not supported: "
                        + "convert it to unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
            }
            for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } catch (GeneralSecurityException notThisOne) {
                    // try the next algorithm
                }
            }
            throw new ValidationException("the private key " + file + " is not an RSA, EC or Ed25519 key");
        }
        throw new ValidationException("no PEM private key (-----BEGIN PRIVATE KEY-----) in " + file);
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(derHeader(0x04, pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(derHeader(0x30, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] h = new byte[2 + bytes];
        h[0] = (byte) tag;
        h[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            h[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return h;
    }

    private static List<byte[]> pemBlocks(Path file, String what, String type) {
        String text = read(file, what);
        List<byte[]> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (type.equals(m.group(1))) {
                try {
                    out.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("the " + what + " " + file + " holds a damaged PEM block");
                }
            }
        }
        return out;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ValidationException("cannot read the " + what + " " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** Accepts every certificate: only for {@code insecure}. */
    private static final class TrustEverything implements X509TrustManager {
        static final TrustEverything INSTANCE = new TrustEverything();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // insecure mode: everything is accepted
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure mode: everything is accepted
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
