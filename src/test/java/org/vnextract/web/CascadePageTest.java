package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import org.vnextract.store.Database;
import org.vnextract.store.RecordStore;
import org.vnextract.store.StoreReader;
import org.vnextract.store.TestStores;

/**
 * The cascade on a document's page and in {@code /api/documents/{id}} (issue 17), over a store of
 * a central conclusion implemented by two provinces' same-numbered plans, a district's and a
 * commune's plan under them, and an amendment: the JSON carries the tree and the counts by level;
 * in a real browser (chromium, headless; skipped without it) the page shows the tree nested by level
 * with each implementer's place, the amendment, and the server-drawn SVG timeline with one bar per
 * citing month; the screenshot goes to {@code target/screenshots/cascade-document.png}.
 */
class CascadePageTest {
    @TempDir
    static Path tmp;

    static StoreReader reader;
    static WebServer server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Database db = Database.of(tmp.resolve("cascade.db").toString());
        try (RecordStore s = RecordStore.open(db)) {
            for (ArticleRecord r : TestStores.cascade()) {
                s.write(r);
            }
            // one name in two provinces, and a name written with another tone-mark placement
            s.write(TestStores.record("o-1", "baogialai.com.vn", "2021-01-10", null, List.of(),
                    List.of(TestStores.official("Nguyễn Văn Hùng", "Bí thư Tỉnh ủy Gia Lai"),
                            TestStores.official("Trần Thị Thủy", "Phó Chủ tịch UBND tỉnh")), List.of()));
            s.write(TestStores.record("o-2", "baonghean.vn", "2016-05-10", null, List.of(),
                    List.of(TestStores.official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Nghệ An")), List.of()));
            s.commit();
        }
        reader = StoreReader.open(db, 2);
        server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 2);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (reader != null) {
            reader.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiCarriesTheCascade() throws Exception {
        HttpResponse<String> r = get("/api/documents/" + Html.url("21-KL/TW"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = new ObjectMapper().readTree(r.body()).get("cascade");
        assertThat(c.get("implementersByLevel").toString()).isEqualTo("{\"province\":2,\"district\":1,\"commune\":1}");
        assertThat(c.get("implementers")).hasSize(2);
        assertThat(c.get("implementers").findValuesAsText("label")).contains("70-KH/TU@Gia Lai", "70-KH/TU@Nghệ An",
                "74-KH/HU@Chư Prông, Gia Lai", "12-KH/ĐU@Nghi Phong, Nghệ An");
        assertThat(c.get("timeline").toString()).contains("2022-01").contains("2022-03").contains("2022-05");
    }

    @Test
    void thePageHasTheTreeTheAmendmentAndAnSvgTimeline() throws Exception {
        String body = get("/documents/" + Html.url("21-KL/TW")).body();
        assertThat(body).contains("<section id=\"cascade\">").contains("Cấp tỉnh: 2 · Cấp huyện: 1 · Cấp xã: 1")
                .contains("<svg class=\"timeline\"").contains("data-month=\"2022-03\"").contains("15-QĐ/TW")
                .contains("href=\"/documents/70-KH%2FTU%40Gia%20Lai\"");
        // the local plan's own page names its place and what it implements
        String plan = get("/documents/" + Html.url("70-KH/TU@Gia Lai")).body();
        assertThat(plan).contains("<section id=\"implements\">").contains("Gia Lai").contains("74-KH/HU@Chư Prông, Gia Lai");
    }

    @Test
    void officialsAreFoundByTheNameAsTypedAndNamesakesAreListedWithTheirPlaces() throws Exception {
        HttpResponse<String> one = get("/officials/" + Html.url("trần thị thuỷ"));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("<h1>Trần Thị Thủy</h1>");
        HttpResponse<String> two = get("/officials/" + Html.url("nguyễn văn hùng"));
        assertThat(two.statusCode()).isEqualTo(200);
        assertThat(two.body()).contains("Nhiều người mang tên này").contains("Gia Lai").contains("Nghệ An")
                .contains("href=\"/officials/" + Html.url("Nguyễn Văn Hùng · Gia Lai") + "\"");
        JsonNode api = new ObjectMapper().readTree(get("/api/officials/" + Html.url("Nguyễn Văn Hùng")).body());
        assertThat(api.get("ambiguous").asBoolean()).isTrue();
        assertThat(api.get("matches").findValuesAsText("place")).containsExactlyInAnyOrder("Gia Lai", "Nghệ An");
        assertThat(get("/officials/" + Html.url("Nguyễn Văn Hùng · Gia Lai")).body()).contains("Bí thư Tỉnh ủy Gia Lai");
        assertThat(get("/officials/" + Html.url("không ai cả")).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("browser")
    void inARealBrowserTheTreeIsNestedByLevelAndTheTimelineHasItsBars() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(BrowserEndToEndTest.CHROMIUM))
                        && Files.isExecutable(Path.of(BrowserEndToEndTest.CHROMEDRIVER)),
                "browser test skipped: needs chromium and chromedriver (.ci/services.sh installs them)");
        System.setProperty("webdriver.chrome.driver", BrowserEndToEndTest.CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserEndToEndTest.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--window-size=1280,1400", "--lang=vi",
                "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(BrowserEndToEndTest.CHROMEDRIVER))
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(20));
            driver.get("http://127.0.0.1:" + server.port() + "/documents/" + Html.url("21-KL/TW"));
            WebElement cascade = driver.findElement(By.id("cascade"));
            List<WebElement> top = cascade.findElements(By.cssSelector(":scope > ul.tree > li.node"));
            assertThat(top).extracting(e -> e.getAttribute("data-level")).containsExactly("province", "province");
            assertThat(cascade.findElements(By.cssSelector("ul.tree > li.node > ul.tree > li.node")))
                    .extracting(e -> e.getAttribute("data-level")).containsExactlyInAnyOrder("district", "commune");
            WebElement gl = top.stream().filter(e -> e.getText().startsWith("70-KH/TU@Gia Lai")).findFirst().orElseThrow();
            assertThat(gl.findElement(By.cssSelector(":scope > ul.tree > li.node > a")).getText()).isEqualTo("74-KH/HU@Chư Prông, Gia Lai");
            assertThat(driver.findElement(By.id("amendments")).getText()).contains("15-QĐ/TW");
            List<WebElement> bars = driver.findElements(By.cssSelector("#timeline svg.timeline rect.bar"));
            assertThat(bars).extracting(e -> e.getAttribute("data-month")).containsExactly("2022-01", "2022-03", "2022-05");
            assertThat(bars).allSatisfy(b -> assertThat(b.getSize().getHeight()).isPositive());
            // a click on an implementer opens its page, which says what it implements
            PageLoads.awaitNewPage(driver, gl.findElement(By.cssSelector(":scope > a"))::click);
            assertThat(driver.findElement(By.id("implements")).getText()).contains("21-KL/TW");
            Files.createDirectories(DeskBrowserTest.SHOTS);
            driver.navigate().back();
            driver.findElement(By.id("cascade"));
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), DeskBrowserTest.SHOTS.resolve("cascade-document.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }
}
