package org.parley.classifier;

import java.util.Arrays;

/**
 * A growable run of chars in which each char remembers the range {@code [from, to)} of the original text it came
 * from. Reused from text to text; not thread-safe.
 */
class TrackedChars {

    char[] chars = new char[1024];
    int[] from = new int[1024];
    int[] to = new int[1024];
    int length;

    final void append(char c, int start, int end) {
        if (length == chars.length) {
            int size = chars.length * 2;
            chars = Arrays.copyOf(chars, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
        }
        chars[length] = c;
        from[length] = start;
        to[length] = end;
        length++;
    }
}
