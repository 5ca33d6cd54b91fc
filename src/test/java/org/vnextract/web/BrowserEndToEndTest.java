package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
import org.vnextract.testenv.Needs;

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

    @Test
    void searchFollowAndSeeTheHighlightedMention() throws Exception {
        Needs.service(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                CHROMIUM + " and " + CHROMEDRIVER + ", which are not installed (apt-get install chromium chromium-driver;"
                        + " .ci/services.sh does)");
        Database db = Database.of(tmp.resolve("e2e.db").toString());
        List<ArticleRecord> seeds = TestStores.seeds();
        try (RecordStore s = RecordStore.open(db)) {
            for (ArticleRecord r : seeds) {
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

        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("21-KL/TW");
        PageLoads.awaitNewPage(driver, box::submit);
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("#documents a"))::click);

        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo("21-KL/TW");
        List<WebElement> quoted = driver.findElements(By.cssSelector("li.citation blockquote mark.hl"));
        assertThat(quoted).isNotEmpty();
        // each mark is a mention of the document: the symbol, the citation with its type words
        // ("Kết luận số 21-KL/TW") or a short reference the extractor resolved ("Kết luận số 21")
        assertThat(quoted).allSatisfy(m -> assertMentionOf21KL(m.getText()));
        assertThat(quoted).anySatisfy(m -> assertThat(m.getText()).endsWith("21-KL/TW"));
        WebElement first = driver.findElement(By.cssSelector("li.citation a"));
        String title = first.getText();
        PageLoads.awaitNewPage(driver, first::click);

        driver.findElement(By.cssSelector(".article-text")); // waits for the article page
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        List<WebElement> marks = driver.findElements(By.cssSelector(".article-text mark.e-document.hl"));
        assertThat(marks).isNotEmpty();
        assertThat(marks).allSatisfy(m -> assertMentionOf21KL(m.getText()));
        // the link went to the first mention: the fragment names a highlighted mark
        String fragment = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
        assertThat(driver.findElement(By.id(fragment)).getAttribute("class")).contains("hl");
    }
}
