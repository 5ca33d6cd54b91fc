package org.vnextract.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Small web archives written with jwarc's own writer, for tests. */
public final class WarcFixtures {
    public static final Instant CAPTURED = Instant.parse("2024-03-01T02:30:00Z");

    private WarcFixtures() {}

    /** An article page; {@code published} adds an article:published_time meta tag when not null. */
    public static String page(String title, String body, String published) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + (published == null ? "" : "<meta property=\"article:published_time\" content=\"" + published + "\">")
                + "</head><body><article><h1>" + title + "</h1><p>" + body + "</p></article></body></html>";
    }

    /**
     * A crawl of a small news site: two article pages (one dated, one not), a request record, a
     * redirect, a 404, a stylesheet and an image, and a page in windows-1258 declared by the HTTP header.
     */
    public static Path write(Path file, boolean gzip) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter w = new WarcWriter(ch, gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            String a = "https://baotinh.vn/chinh-tri/hoi-nghi-tinh-uy.html";
            w.write(new WarcRequest.Builder(URI.create(a)).date(CAPTURED)
                    .body(new HttpRequest.Builder("GET", "/chinh-tri/hoi-nghi-tinh-uy.html").addHeader("Host", "baotinh.vn").build())
                    .build());
            w.write(response(a, 200, "text/html; charset=utf-8", page("Hội nghị Ban Chấp hành Đảng bộ tỉnh",
                    "Ngày 5/11/2023, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 02-NQ/TU về phát triển kinh tế; "
                            + "toàn tỉnh có 4.595 đảng viên.", "2023-11-05T13:45:00+07:00").getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://baotinh.vn/old", 301, "text/html", "<a href=/new>moved</a>".getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://baotinh.vn/missing", 404, "text/html", page("Không tìm thấy", "Trang không tồn tại.", null)
                    .getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://baotinh.vn/site.css", 200, "text/css", "body{color:red}".getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://baotinh.vn/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}));
            String b = "https://baotinh.vn/xay-dung-dang/ket-luan.html";
            w.write(response(b, 200, "text/html", page("Thực hiện Kết luận số 21-KL/TW",
                    "Đảng bộ huyện quán triệt Kết luận số 21-KL/TW của Ban Chấp hành Trung ương; 224/274 chi bộ đạt trong sạch, vững mạnh.",
                    null).getBytes(StandardCharsets.UTF_8)));
            String c = "https://baotinh.vn/cu.html";
            w.write(response(c, 200, "text/html; charset=windows-1258", page("Tin Đông Hà", "Hội nghị ở Đông Hà.", null)
                    .replace("utf-8", "windows-1258").getBytes(Charset.forName("windows-1258"))));
        }
        return file;
    }

    private static WarcResponse response(String uri, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(uri)).date(CAPTURED).body(http).build();
    }
}
