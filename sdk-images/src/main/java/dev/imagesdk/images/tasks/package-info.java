/** Glance's asynchronous tasks ({@code /v2/tasks}, {@code /v2/images/{id}/tasks}): read, create, wait for. */
package dev.imagesdk.images.tasks;
