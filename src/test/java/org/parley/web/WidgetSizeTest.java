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

/** The widget a reader downloads (embed script, widget script and styles) stays within its gzip budget. */
class WidgetSizeTest {

    private static final int BUDGET_BYTES = 12 * 1024;
    private static final List<String> WIDGET_FILES = List.of("/web/embed.js", "/web/widget/widget.js", "/web/widget/widget.css");

    @Test
    void widget_fits_its_gzip_budget() {
        int total = 0;
        for (String file : WIDGET_FILES) {
            int size = gzippedSize(file);
            System.out.printf("widget size: %s %d bytes gzipped%n", file, size);
            total += size;
        }
        System.out.printf("widget size: %d of %d bytes gzipped (gzip -9, each file apart)%n", total, BUDGET_BYTES);
        assertThat(total).as("gzipped size of %s", WIDGET_FILES).isLessThanOrEqualTo(BUDGET_BYTES);
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
