/** Glance's asynchronous tasks, read-only ({@code /v2/tasks}, {@code /v2/images/{id}/tasks}). */
package dev.imagesdk.images.tasks;
