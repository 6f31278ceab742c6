/** JSON mapping of Glance's member documents ({@code /v2/images/{id}/members}). */
package dev.imagesdk.members.internal.json;
