package org.vnextract.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Waits for the page a click or a form submit loads. Chrome answers {@code findElement} right after a
 * click from the page still shown, so an element read then may belong to the old page and be stale a
 * moment later (CI once failed on {@code .summary .total} after a filter submit). Stateless; thread-safe.
 */
final class PageLoads {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private PageLoads() {
    }

    /** Runs {@code action}, which must load a new page, and returns once the old page's root is gone. */
    static void awaitNewPage(WebDriver driver, Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                old.getTagName();
            } catch (StaleElementReferenceException replaced) {
                return; // the old document was replaced: the new page is the one the driver now reads
            } catch (WebDriverException e) {
                // chromedriver reads a node of a document being torn down as "unknown error: … Node with given
                // id does not belong to the document" rather than as stale (CI failed so once): replaced too
                if (e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a page load", e);
            }
        }
        throw new AssertionError("no new page within " + LIMIT.toSeconds() + " s after the click at " + driver.getCurrentUrl());
    }
}
