/** JSON mapping of the image-link wire contract (see the module's README). */
package dev.imagesdk.links.internal.json;
