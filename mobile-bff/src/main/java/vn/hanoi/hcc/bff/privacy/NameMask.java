package vn.hanoi.hcc.bff.privacy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Masks a person's name for anyone but its owner: the family name keeps two letters, every other
 * word one, and the masks have a fixed length so they tell nothing of the real one:
 * "Nguyễn Văn An" → "Ng*** V** A**".
 */
public final class NameMask {

    private NameMask() {}

    public static String mask(String fullName) {
        String[] words =
                Normalizer.normalize(fullName.strip(), Normalizer.Form.NFC).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "***";
        }
        String family = prefix(words[0], 2) + "***";
        String others = Arrays.stream(words, 1, words.length)
                .map(word -> prefix(word, 1) + "**")
                .collect(Collectors.joining(" "));
        return others.isEmpty() ? family : family + " " + others;
    }

    private static String prefix(String word, int codePoints) {
        int end = word.offsetByCodePoints(0, Math.min(codePoints, word.codePointCount(0, word.length())));
        return word.substring(0, end);
    }
}
