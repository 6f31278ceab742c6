/**
 * Tolerant JSON codecs: a wrong-typed value is recorded as a decoding problem on the model instead
 * of failing the read, and untyped values keep their JSON types.
 */
package dev.imagesdk.images.internal.json;
