package org.vnextract.web;

import org.vnextract.store.Page;

/**
 * The pager under a list: how many rows, which page of how many, and links to the previous and
 * next page that keep the list's other parameters. Stateless, thread-safe.
 */
final class Paging {
    private Paging() {}

    /** "41 kết quả · trang 2/3", with {@code noun} for what is counted ("bài", "văn bản"). */
    static String summary(Page<?> p, String noun) {
        String n = String.format(java.util.Locale.ROOT, "%,d", p.total()).replace(',', '.');
        return n + " " + noun + (p.pages() > 1 ? " · trang " + p.page() + "/" + p.pages() : "");
    }

    static void render(Html h, String path, Params params, Page<?> p) {
        if (p.pages() <= 1 && p.page() == 1) {
            return;
        }
        h.raw("<nav class=\"pages\" aria-label=\"Phân trang\">");
        if (p.page() > 1) {
            h.raw("<a rel=\"prev\" class=\"prev\" href=\"").text(params.link(path, "page",
                    p.page() == 2 ? null : String.valueOf(Math.min(p.page() - 1, p.pages())))).raw("\">← Trang trước</a>");
        } else {
            h.raw("<span class=\"prev disabled\">← Trang trước</span>");
        }
        h.el("span", "where", "Trang " + p.page() + " / " + p.pages());
        if (p.hasNext()) {
            h.raw("<a rel=\"next\" class=\"next\" href=\"").text(params.link(path, "page", String.valueOf(p.page() + 1)))
                    .raw("\">Trang sau →</a>");
        } else {
            h.raw("<span class=\"next disabled\">Trang sau →</span>");
        }
        h.raw("</nav>");
    }
}
