package dev.imagesdk.links.internal.keystone;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.time.Duration;

/** The arguments every Keystone-backed source of the access package takes: a client that logs in to Keystone, a cache time. */
public final class KeystoneClients {
    private KeystoneClients() {
    }

    /**
     * {@code client}'s Keystone login, after checking the arguments of {@code who} (the class asking, for the message).
     *
     * @throws ValidationException when an argument is {@code null}, the time is negative, or the client does not
     *         authenticate with Keystone
     */
    public static KeystoneAuth keystoneAuth(ServiceClient client, Duration cacheTime, String who) {
        Arguments.notNull(client, "client");
        Arguments.notNull(cacheTime, "cache time");
        if (cacheTime.isNegative()) {
            throw new ValidationException("cache time must not be negative, was " + cacheTime);
        }
        if (!(client.auth() instanceof KeystoneAuth auth)) {
            throw new ValidationException(who + " needs a client that authenticates with Keystone "
                    + "(Auth.keystone or a clouds.yaml cloud), not " + client.auth());
        }
        return auth;
    }
}
