package dev.imagesdk.core.internal.http;

import okhttp3.HttpUrl;

/** The origin rule: credentials and links stay with the scheme, host and port they were meant for. */
public final class Origins {
    private Origins() {
    }

    /** Same scheme, host and port. */
    public static boolean same(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
