package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The widget stays within its gzip budgets. What every reader downloads before they can act (embed script, widget
 * script and styles, and the language bundle; English is measured) has one budget; the forms module, which the
 * widget imports only when a reader opens a log-in, sign-up, account, report or edit form, has its own, shared with
 * the notice form (notice.js, imported when a reader reports illegal content); so does the community module
 * (community.js: the community menu and the author card, imported when a reader opens one); so do the
 * helpers the dashboard and the account pages share, which the widget does not load.
 */
class WidgetSizeTest {

    private static final int BUDGET_BYTES = 13 * 1024;
    private static final int FORMS_BUDGET_BYTES = 6 * 1024 + 512;
    private static final List<String> WIDGET_FILES = List.of("/web/embed.js", "/web/widget/widget.js",
            "/web/widget/widget.css", "/web/i18n/widget.en.json");
    private static final List<String> FORMS_FILES = List.of("/web/widget/forms.js", "/web/widget/notice.js",
            "/web/i18n/widget-more.en.json");
    private static final int COMMUNITY_BUDGET_BYTES = 4 * 1024;
    private static final List<String> COMMUNITY_FILES = List.of("/web/widget/community.js");
    private static final int PAGE_HELPERS_BUDGET_BYTES = 3 * 1024;
    private static final List<String> PAGE_HELPERS_FILES = List.of("/web/common/page.js");

    @Test
    void what_every_reader_downloads_fits_its_gzip_budget() {
        assertThat(total("widget", WIDGET_FILES, BUDGET_BYTES)).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void the_forms_module_fits_its_own_gzip_budget() {
        assertThat(total("forms module", FORMS_FILES, FORMS_BUDGET_BYTES)).isLessThanOrEqualTo(FORMS_BUDGET_BYTES);
    }

    /** The proof of work, loaded only when the server asks for one: our module and ALTCHA's solver. */
    private static final int CHALLENGE_BUDGET_BYTES = 3 * 1024;
    private static final List<String> CHALLENGE_FILES = List.of("/web/widget/challenge.js",
            "/web/vendor/altcha/worker.js");

    @Test
    void the_proof_of_work_fits_its_own_gzip_budget() {
        assertThat(total("challenge", CHALLENGE_FILES, CHALLENGE_BUDGET_BYTES))
                .isLessThanOrEqualTo(CHALLENGE_BUDGET_BYTES);
    }

    @Test
    void the_community_module_fits_its_own_gzip_budget() {
        assertThat(total("community module", COMMUNITY_FILES, COMMUNITY_BUDGET_BYTES))
                .isLessThanOrEqualTo(COMMUNITY_BUDGET_BYTES);
    }

    @Test
    void the_helpers_of_the_widget_free_pages_fit_their_own_gzip_budget() {
        assertThat(total("page helpers", PAGE_HELPERS_FILES, PAGE_HELPERS_BUDGET_BYTES))
                .isLessThanOrEqualTo(PAGE_HELPERS_BUDGET_BYTES);
    }

    /** Sums and prints the gzipped sizes of the files (gzip -9, each file apart). */
    private static int total(String part, List<String> files, int budget) {
        int total = 0;
        for (String file : files) {
            int size = gzippedSize(file);
            System.out.printf("%s size: %s %d bytes gzipped%n", part, file, size);
            total += size;
        }
        System.out.printf("%s size: %d of %d bytes gzipped (gzip -9, each file apart)%n", part, total, budget);
        return total;
    }

    private static int gzippedSize(String resource) {
        try (InputStream in = WidgetSizeTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                in.transferTo(gzip);
            }
            return gzipped.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
