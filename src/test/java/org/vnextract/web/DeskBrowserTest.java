package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.vnextract.store.DevStore;
import org.vnextract.store.StoreReader;

/**
 * Issue 18 in a real browser (Debian's chromium, headless, its own chromedriver) over the dev
 * corpus: paging, filters, entity links from an article to an official's positions, the document
 * page, and a CSV download; screenshots of every kind of page at desktop (1280×900) and phone
 * (390×844) widths go to {@code target/screenshots/}. Skipped, saying why, without chromium.
 */
@Tag("browser")
class DeskBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path tmp;

    private WebDriver driver;
    private WebServer server;
    private StoreReader reader;
    private Path downloads;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(BrowserEndToEndTest.CHROMIUM))
                        && Files.isExecutable(Path.of(BrowserEndToEndTest.CHROMEDRIVER)),
                "browser test skipped: needs chromium and chromedriver (.ci/services.sh installs them)");
        reader = StoreReader.open(DevStore.database(), 4);
        server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 4);
        base = "http://127.0.0.1:" + server.port();
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        System.setProperty("webdriver.chrome.driver", BrowserEndToEndTest.CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserEndToEndTest.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--window-size=1280,900", "--lang=vi",
                "--user-data-dir=" + tmp.resolve("profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(BrowserEndToEndTest.CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

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

    /**
     * The page as it is, at desktop width then at phone width, down to its end (the window is made as
     * tall as the page, up to 3,000 px); at phone width nothing may be wider than the screen. The
     * window is restored after.
     */
    private void shoot(String name) throws Exception {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        for (Object[] size : new Object[][] {{"desktop", 1280, 900}, {"phone", 390, 844}}) {
            int width = (Integer) size[1];
            driver.manage().window().setSize(new Dimension(width, (Integer) size[2]));
            driver.navigate().refresh();
            driver.findElement(By.tagName("footer"));
            awaitLayout(js, width);
            long tall = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(3000, Math.max((Integer) size[2], tall + 140))));
            awaitLayout(js, width);
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), SHOTS.resolve(name + "-" + size[0] + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (size[0].equals("phone")) {
                Object over = js.executeScript("var w = document.documentElement.clientWidth, out = [];"
                        + " document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if (r.right > w + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                        + " return document.documentElement.scrollWidth + ' ' + w + ' ' + out.join(', ');");
                String[] parts = over.toString().split(" ", 3);
                assertThat(Integer.parseInt(parts[0])).as(name + " fits a phone (scroll width, screen width, wider elements): " + over)
                        .isLessThanOrEqualTo(Integer.parseInt(parts[1]));
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
        awaitLayout(js, 1280);
    }

    /** Waits until the page is laid out at about {@code width} px (a resize of a headless window is not immediate). */
    private static void awaitLayout(org.openqa.selenium.JavascriptExecutor js, int width) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            long w = ((Number) js.executeScript("return window.innerWidth;")).longValue();
            if (Math.abs(w - width) <= 20) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(150);
    }

    @Test
    void homeSearchPagingFiltersEntityLinksDocumentAndCsv() throws Exception {
        driver.get(base + "/");
        assertThat(driver.findElements(By.cssSelector("#top-documents ol li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#recent li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#top-officials li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#provinces li"))).isNotEmpty();
        shoot("home");

        // search from the box, then page 2 through the pager
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("Đảng");
        PageLoads.awaitNewPage(driver, box::submit);
        String total = driver.findElement(By.cssSelector(".summary .total")).getText();
        assertThat(total).matches("\\d+ bài · trang 1/\\d+");
        int hits = Integer.parseInt(total.substring(0, total.indexOf(' ')));
        List<String> page1 = titles();
        assertThat(page1).hasSize(20);
        shoot("search");
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("nav.pages a.next"))::click);
        assertThat(driver.findElement(By.cssSelector(".summary .total")).getText()).contains("trang 2/");
        assertThat(driver.getCurrentUrl()).contains("page=2");
        List<String> page2 = titles();
        assertThat(page2).isNotEmpty().doesNotContainAnyElementsOf(page1);
        assertThat(driver.findElement(By.cssSelector("ol.results")).getAttribute("start")).isEqualTo("21");

        // filters: a province and the oldest first; the total shrinks and the form keeps the choice
        WebElement option = driver.findElement(By.cssSelector("select[name=province] option:nth-child(2)"));
        String chosen = option.getAttribute("value");
        option.click();
        driver.findElement(By.cssSelector("select[name=sort] option[value=oldest]")).click();
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("form.filters button"))::click);
        String filtered = driver.findElement(By.cssSelector(".summary .total")).getText();
        assertThat(driver.getCurrentUrl()).contains("province=").contains("sort=oldest").doesNotContain("page=");
        assertThat(Integer.parseInt(filtered.substring(0, filtered.indexOf(' ')))).isLessThan(hits);
        assertThat(driver.findElement(By.cssSelector("select[name=province] option:checked")).getAttribute("value")).isEqualTo(chosen);

        // CSV download of the whole (unfiltered) list, with the byte-order mark for Excel
        driver.get(base + "/search?q=" + Html.url("Đảng"));
        driver.findElement(By.cssSelector(".downloads a.csv-excel")).click();
        Path csv = awaitDownload("search-excel.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFarticle_id,date,published,site,title,snippet,page\r\n");
        assertThat(text.split("\r\n(?=[0-9a-f]{16},)")).hasSize(hits + 1);

        // an article: its officials are links to the official's page with positions over time
        driver.get(base + "/search?q=" + Html.url("Bí thư"));
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("li.hit a.title"))::click);
        List<WebElement> officials = driver.findElements(By.cssSelector(".article-text a.entity[href^='/officials/']"));
        assertThat(officials).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".article-text mark")).size())
                .isEqualTo(driver.findElements(By.cssSelector(".article-text a.entity mark, .article-text mark.search")).size());
        assertThat(driver.findElement(By.cssSelector(".byline")).getText()).isNotBlank();
        shoot("article");
        String articleUrl = driver.getCurrentUrl();
        // a place links to the articles that name it, this one among them
        WebElement place = driver.findElement(By.cssSelector(".article-text a.entity mark.e-location"));
        String placeName = place.getText();
        PageLoads.awaitNewPage(driver, place::click);
        assertThat(driver.getCurrentUrl()).contains("/search?q=");
        String named = driver.findElement(By.cssSelector(".summary .total")).getText();
        assertThat(Integer.parseInt(named.substring(0, named.indexOf(' ')))).as("articles naming " + placeName).isPositive();
        assertThat(driver.findElements(By.cssSelector("li.hit .snippet mark")).get(0).getText()).isEqualToIgnoringCase(placeName);
        driver.get(articleUrl);
        officials = driver.findElements(By.cssSelector(".article-text a.entity[href^='/officials/']"));
        String name = officials.get(0).getText();
        PageLoads.awaitNewPage(driver, officials.get(0)::click);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualToIgnoringCase(name);
        assertThat(driver.findElements(By.cssSelector("ol.timeline li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("ol.timeline .when"))).allSatisfy(w -> assertThat(w.getText()).isNotBlank());
        shoot("official");

        // the document page, from the list of the most cited
        driver.get(base + "/documents");
        String doc = driver.findElement(By.cssSelector("ol.results a.doc-id")).getText();
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("ol.results a.doc-id"))::click);
        assertThat(driver.findElement(By.cssSelector("h1.document-id")).getText()).isEqualTo(doc);
        assertThat(driver.findElements(By.cssSelector("li.citation"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#timeline ol.bars li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".downloads a.csv"))).isNotEmpty();
        shoot("document");

        // the provinces, of their time and after the July 2025 reform
        driver.get(base + "/provinces");
        int before = driver.findElements(By.cssSelector("ol.results li")).size();
        PageLoads.awaitNewPage(driver, driver.findElement(By.cssSelector("p.notice a"))::click);
        assertThat(driver.getCurrentUrl()).contains("after=1");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("1/7/2025");
        assertThat(driver.findElements(By.cssSelector("ol.results li")).size()).isPositive().isLessThanOrEqualTo(Math.max(before, 34));
        shoot("provinces");
    }

    private List<String> titles() {
        return driver.findElements(By.cssSelector("li.hit a.title")).stream().map(e -> e.getAttribute("href")).toList();
    }

    private Path awaitDownload(String name) throws Exception {
        Path f = downloads.resolve(name);
        for (int i = 0; i < 200 && !(Files.exists(f) && noPartial()); i++) {
            Thread.sleep(100);
        }
        assertThat(f).as("downloaded " + name).exists();
        return f;
    }

    private boolean noPartial() throws Exception {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.noneMatch(p -> p.toString().endsWith(".crdownload"));
        }
    }
}
