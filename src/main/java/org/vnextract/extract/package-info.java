/**
 * Extractors: one sub-package per entity kind, each owning its rule files under {@code models/<kind>/}
 * and its test corpus under {@code src/test/resources/<kind>/}. Each produces immutable records
 * with {@link org.vnextract.extract.Mention}s in {@code char} offsets; {@code record} maps them to
 * the JSON contract.
 */
package org.vnextract.extract;
