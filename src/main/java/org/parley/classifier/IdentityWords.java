package org.parley.classifier;

/**
 * Words that name a group of people by race, ethnicity, nationality, religion, gender, sexual orientation, age or
 * disability. {@link Features} gives these words no features of their own (only the bigrams they form with their
 * neighbours), so naming an identity cannot raise a score by itself: the training sets mention some groups mostly
 * in attacks on them, and a model free to weigh the names learns that "gay" or "muslim" is toxic (Dixon et al.
 * 2018). Matched on the normalized word's hash, so the check allocates nothing.
 */
final class IdentityWords {

    private static final String[] WORDS = {
        "lesbian", "lesbians", "gay", "gays", "bisexual", "bisexuals", "transgender", "trans", "queer", "queers",
        "lgbt", "lgbtq", "homosexual", "homosexuals", "heterosexual", "straight", "nonbinary", "male", "males",
        "female", "females", "woman", "women", "man", "men", "girl", "girls", "boy", "boys", "african", "africans",
        "black", "blacks", "white", "whites", "european", "europeans", "hispanic", "hispanics", "latino", "latinos",
        "latina", "latinas", "latinx", "mexican", "mexicans", "canadian", "canadians", "american", "americans",
        "asian", "asians", "indian", "indians", "arab", "arabs", "chinese", "japanese", "korean", "russian",
        "russians", "christian", "christians", "muslim", "muslims", "moslem", "moslems", "islam", "islamic",
        "jewish", "jew", "jews", "judaism", "buddhist", "buddhists", "catholic", "catholics", "protestant",
        "protestants", "sikh", "sikhs", "hindu", "hindus", "taoist", "atheist", "atheists", "old", "older",
        "young", "younger", "teenage", "teenager", "teenagers", "millenial", "millenials", "elderly", "blind",
        "deaf", "paralyzed", "disabled", "immigrant", "immigrants", "refugee", "refugees", "migrant", "migrants",
    };

    private static final int[] HASHES = hashes();

    private IdentityWords() {
    }

    /** Whether a word hash (as {@link Features} computes it) is one of the identity words. */
    static boolean contains(int wordHash) {
        return java.util.Arrays.binarySearch(HASHES, wordHash) >= 0;
    }

    private static int[] hashes() {
        int[] hashes = new int[WORDS.length];
        for (int i = 0; i < WORDS.length; i++) {
            hashes[i] = Features.hash(WORDS[i]);
        }
        java.util.Arrays.sort(hashes);
        return hashes;
    }
}
