/**
 * Glance's image cache API ({@code /v2/cache}, API 2.14, administrators only): which images the API
 * node keeps a local copy of, which are queued for caching, and queueing, removing and clearing them.
 */
package dev.imagesdk.images.cache;
