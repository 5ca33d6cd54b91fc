package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.vnextract.record.ArticleRecord;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.store.Database;
import org.vnextract.store.DocumentKey;
import org.vnextract.store.RecordStore;
import org.vnextract.store.StoreReader;
import org.vnextract.store.TestStores;

/**
 * The journalist's path in a real browser: Debian's chromium, headless, driven by its own
 * chromedriver (never a downloaded one: the driver path is given, so Selenium Manager does not
 * run). Loads the seed corpus, searches "21-KL/TW", follows the document, then a citing article,
 * and checks the highlighted mention. Skipped, saying why, where chromium is not installed
 * ({@code .ci/services.sh} installs it).
 */
@Tag("browser")
class BrowserEndToEndTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    Path tmp;

    private WebDriver driver;
    private WebServer server;
    private StoreReader reader;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (reader != null) {
            reader.close();
        }
    }

    private static void assertMentionOf21KL(String text) {
        DocumentKey.Parts p = new DocumentKey(ModelSource.bundled()).parseQuery(text);
        assertThat(p.number()).as(text).isEqualTo("21");
        assertThat(p.type()).as(text).isEqualTo("KL");
    }

    /** Starts the server over the records and a headless chromium. */
    private void open(List<ArticleRecord> records) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/services.sh does)");
        Database db = Database.of(tmp.resolve("e2e.db").toString());
        try (RecordStore s = RecordStore.open(db)) {
            for (ArticleRecord r : records) {
                s.write(r);
            }
            s.commit();
        }
        reader = StoreReader.open(db, 4);
        server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 4);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-background-networking", "--window-size=1200,900",
                "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // pages are rendered on the server: an element lookup waits for the page that has it
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
    }

    /** Saves what the browser shows under target/screenshots/ (looked at by people; not compared). */
    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void searchFollowAndSeeTheHighlightedMention() throws Exception {
        open(TestStores.seeds());

        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("21-KL/TW");
        box.submit();
        driver.findElement(By.cssSelector("#documents a")).click();

        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo("21-KL/TW");
        List<WebElement> quoted = driver.findElements(By.cssSelector("li.citation blockquote mark.hl"));
        assertThat(quoted).isNotEmpty();
        // each mark is a mention of the document: the symbol, the citation with its type words
        // ("Kết luận số 21-KL/TW") or a short reference the extractor resolved ("Kết luận số 21")
        assertThat(quoted).allSatisfy(m -> assertMentionOf21KL(m.getText()));
        assertThat(quoted).anySatisfy(m -> assertThat(m.getText()).endsWith("21-KL/TW"));
        WebElement first = driver.findElement(By.cssSelector("li.citation a"));
        String title = first.getText();
        first.click();

        driver.findElement(By.cssSelector(".article-text")); // waits for the article page
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        List<WebElement> marks = driver.findElements(By.cssSelector(".article-text mark.e-document.hl"));
        assertThat(marks).isNotEmpty();
        assertThat(marks).allSatisfy(m -> assertMentionOf21KL(m.getText()));
        // the link went to the first mention: the fragment names a highlighted mark
        String fragment = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
        assertThat(driver.findElement(By.id(fragment)).getAttribute("class")).contains("hl");
    }

    /**
     * The cascade of a central document: the implementer tree by level (a province's plan nested under
     * the central document, a district's and a commune's under their provinces'), the amendment, the
     * timeline SVG with one bar per citing month; then the same local symbol listed once per province.
     */
    @Test
    void theCascadeTreeAndTheTimeline() throws Exception {
        List<ArticleRecord> records = new java.util.ArrayList<>(TestStores.cascade());
        records.add(TestStores.record("na-2", "baonghean.vn", "2016-04-02", null,
                List.of(TestStores.doc("02-NQ/TU", null, null, null)), List.of(), List.of()));
        records.add(TestStores.record("gl-2", "baogialai.com.vn", "2021-06-01", null,
                List.of(TestStores.doc("02-NQ/TU", "Ban Thường vụ Tỉnh ủy Gia Lai", null, null)), List.of(), List.of()));
        open(records);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("kết luận 21");
        box.submit();
        driver.findElement(By.cssSelector("#documents a")).click();
        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo("21-KL/TW");

        // the tree: two provinces under the central document, each with its own implementer below
        List<WebElement> top = driver.findElements(By.cssSelector("#cascade > ul.tree > li.node"));
        assertThat(top).hasSize(2).allSatisfy(li -> assertThat(li.getAttribute("data-level")).isEqualTo("province"));
        assertThat(top).extracting(li -> li.findElement(By.tagName("a")).getText()).containsOnly("70-KH/TU");
        assertThat(top).extracting(li -> li.findElement(By.cssSelector("span.meta")).getText())
                .anySatisfy(t -> assertThat(t).contains("Gia Lai"))
                .anySatisfy(t -> assertThat(t).contains("Nghệ An"));
        List<WebElement> below = driver.findElements(By.cssSelector("#cascade ul.tree ul.tree > li.node"));
        assertThat(below).extracting(li -> li.getAttribute("data-level")).containsExactlyInAnyOrder("district", "commune");
        assertThat(driver.findElement(By.cssSelector("#cascade .levels")).getText())
                .contains("Cấp tỉnh: 2").contains("Cấp huyện: 1").contains("Cấp xã: 1");
        assertThat(driver.findElements(By.cssSelector("#amendments ul.amended-by a"))).extracting(WebElement::getText)
                .containsExactly("15-QĐ/TW");

        // the timeline: an SVG drawn on the server, one bar per citing month, visible
        WebElement svg = driver.findElement(By.cssSelector("#timeline svg.timeline"));
        assertThat(svg.isDisplayed()).isTrue();
        assertThat(svg.getSize().getWidth()).isGreaterThan(200);
        List<WebElement> bars = svg.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).extracting(b -> b.getAttribute("data-month")).containsExactly("2022-01", "2022-03", "2022-05");
        assertThat(bars).extracting(b -> b.getAttribute("data-articles")).containsExactly("1", "1", "1");
        assertThat(bars).allSatisfy(b -> assertThat(b.getSize().getHeight()).isGreaterThan(10));
        screenshot("cascade-21-KL-TW");

        // a province's plan: what it implements, and the way down to its district
        driver.findElement(By.cssSelector("#cascade > ul.tree > li.node a")).click();
        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo("70-KH/TU");
        assertThat(driver.findElements(By.cssSelector("#implements a"))).extracting(WebElement::getText).containsExactly("21-KL/TW");

        // one symbol, two provinces: each candidate with its scope
        driver.get("http://127.0.0.1:" + server.port() + "/documents/02-NQ/TU");
        List<WebElement> candidates = driver.findElements(By.cssSelector("#documents li.candidate"));
        assertThat(candidates).extracting(li -> li.findElement(By.cssSelector(".scope")).getText())
                .containsExactlyInAnyOrder("Cấp tỉnh · Gia Lai", "Cấp tỉnh · Nghệ An");
        screenshot("ambiguous-02-NQ-TU");
        candidates.stream().filter(li -> li.getText().contains("Nghệ An")).findFirst().orElseThrow()
                .findElement(By.tagName("a")).click();
        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo("02-NQ/TU");
        assertThat(driver.findElements(By.cssSelector("li.citation a"))).extracting(WebElement::getText)
                .containsExactly("Bài na-2");
    }
}
