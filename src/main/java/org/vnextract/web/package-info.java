/**
 * {@code vnextract serve}: server-rendered pages and a JSON API over the store, read-only.
 *
 * <p>The HTTP server is the JDK's own {@code com.sun.net.httpserver} (module {@code jdk.httpserver},
 * maintained with the JDK): the pages need GET, a thread pool and nothing else, so it adds no
 * dependency, where Javalin would add Jetty 12 and the Kotlin runtime (36 jars) to the jar of a
 * command-line tool. Its one trap, Nagle's algorithm meeting delayed ACKs, is switched off in
 * {@link org.vnextract.web.WebServer#start}.
 *
 * <p>This package reads through {@link org.vnextract.store.StoreReader} only (no JDBC here; the
 * architecture test checks it). Everything written into a page goes through {@code Html}'s escaping.
 */
package org.vnextract.web;
