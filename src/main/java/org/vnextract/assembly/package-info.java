/**
 * Assembles the standard pipeline: the extractors vnextract knows, their options, and the stages
 * the chosen extractors need. Sits above every extractor package, so that {@code extract} (the
 * shared types) never depends on a sub-package and the package graph stays free of cycles.
 */
package org.vnextract.assembly;
