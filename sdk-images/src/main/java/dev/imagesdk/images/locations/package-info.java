/**
 * An image's locations: where its data lives in the stores. Glance hides them unless the operator sets
 * {@code show_multiple_locations}; then an image's owner adds, removes and sets them through JSON patches
 * ({@link dev.imagesdk.images.locations.ImageLocations#add}, {@code remove}, {@code replace}). API 2.17
 * (Glance 2025.1) adds {@code /v2/images/{id}/locations}: a project attaches an http location to a queued
 * image ({@code create}) and services read them ({@code list}).
 */
package dev.imagesdk.images.locations;
