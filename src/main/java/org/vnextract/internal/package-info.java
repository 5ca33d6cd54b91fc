/**
 * Internal helpers of vnextract. <strong>Not part of the public API</strong>: anything here may change
 * or disappear in any release. Classes are public only so that the stage packages can share them.
 */
package org.vnextract.internal;
