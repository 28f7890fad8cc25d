package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped model on sentences written for these tests (none comes from a data set or from the seed examples):
 * each category catches a plain example, evasions score as the plain words do, and civil disagreement, negation,
 * counter-speech and identity mentions stay under every category's nudge threshold. Known misses are listed in
 * docs/classifier.md ("Known weaknesses"); a sentence that quotes a dehumanising word to condemn it ("calling
 * refugees vermin is disgusting") and a veiled threat without a violent word ("watch your back, I know where you
 * live") are two of them since the encoder was mixed in (issue 11), and so is "I am a Christian and I support the
 * new refugee centre" (discriminatory 0.21, over its nudge band of 0.20).
 */
class ClassifierBehaviourTest {

    private static Classifier classifier;

    @BeforeAll
    static void load_the_shipped_model() {
        classifier = Classifier.loadDefault();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "What a load of crap, this shit is unbelievable.",
        "Fuck this paper and fuck its comment section.",
        "Holy shit, that is the dumbest fucking thing I have read all week.",
        "Damn it, stop posting this bullshit.",
        "Piss off with your crap.",
    })
    void flags_profanity_as_rude(String text) {
        assertFlagged(text, Category.RUDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I will find you and kill you.",
        "Keep talking and I'll break your neck.",
        "I hope somebody burns your house down tonight.",
        "You deserve to be shot.",
        "I'll slit your throat.",
    })
    void flags_threats_as_aggressive(String text) {
        assertFlagged(text, Category.AGGRESSIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "You are a complete idiot.",
        "Shut up, you pathetic loser.",
        "The author is a stupid clown and a liar.",
        "You're an ignorant fool and everyone here knows it.",
        "What a dumb ignorant moron.",
        "You are a worthless piece of trash.",
    })
    void flags_insults_as_derogatory(String text) {
        assertFlagged(text, Category.DEROGATORY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "All Muslims are terrorists and should be deported.",
        "Gays are disgusting perverts.",
        "Black people are subhuman animals.",
        "Jews are rats who run the banks.",
        "Muslims are a cancer on this country.",
    })
    void flags_attacks_on_groups_as_discriminatory(String text) {
        assertFlagged(text, Category.DISCRIMINATORY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        You are an 1d10t.                  | You are an idiot.
        You are a m.o.r.o.n.               | You are a moron.
        You are an i d i o t.              | You are an idiot.
        You are so stuuuupid.              | You are so stupid.
        f*ck this and f*ck you             | fuck this and fuck you
        This is sh!t journalism.           | This is shit journalism.
        What a load of $h1t.               | What a load of shit.
        You are a f-u-c-k-i-n-g idiot.     | You are a fucking idiot.
        """)
    void scores_an_evasion_as_the_plain_words(String evasion, String plain) {
        assertSameAsPlainAndUncivil(evasion, plain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        You are a stu\u0440id idi\u043et.            | You are a stupid idiot.
        You are an id\u200biot.                      | You are an idiot.
        \u202eYou are a m\u200do\u200dron\u202c.     | You are a moron.
        \uff39\uff4f\uff55 \uff41\uff52\uff45 \uff41\uff4e \uff49\uff44\uff49\uff4f\uff54. | You are an idiot.
        You are an \u03b9di\u03bft.                  | You are an idiot.
        """)
    void scores_look_alike_and_invisible_characters_as_the_plain_words(String evasion, String plain) {
        assertSameAsPlainAndUncivil(evasion, plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I strongly disagree with this decision by the city council.",
        "The government has handled the housing crisis badly and should be voted out.",
        "The prime minister's budget is a betrayal of working families.",
        "This senator has lied about the numbers for years; check the record.",
        "Your argument misses the point: wages have not kept up with rent.",
        "The minister should resign over this scandal.",
        "This is the worst policy proposal I have seen in a decade.",
        "The police report contradicts everything the chief said on Monday.",
        "I respect your view, but the evidence points the other way.",
        "The editorial board got this one badly wrong.",
        "Corporate tax cuts have not delivered the promised jobs.",
        "The new stadium is a waste of public money.",
        "Regulators have been asleep at the wheel while banks took huge risks.",
        "Critics say the minister is out of touch with rural voters.",
        "The committee's report is damning for the health department.",
        "The shooting at the mall left four people injured, police said.",
    })
    void keeps_civil_disagreement_and_news_talk_under_every_threshold(String text) {
        assertCivil(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Nobody should call the protesters thugs; they were peaceful.",
        "The plan is not perfect, but it is not a disaster either.",
        "I would never wish harm on anyone, even politicians I oppose.",
    })
    void keeps_negated_attacks_under_every_threshold(String text) {
        assertCivil(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hate speech against Muslims has no place in this community.",
        "Saying that women cannot lead is simply false, look at the evidence.",
        "Threatening journalists is never acceptable, whatever you think of their work.",
        "Stop calling people names and debate the policy instead.",
        "Racist abuse of footballers online must be punished.",
    })
    void keeps_counter_speech_under_every_threshold(String text) {
        assertCivil(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "As a gay man, I found this article about marriage law very moving.",
        "My Muslim neighbours organised the street party this year.",
        "The Jewish community centre is hosting a book fair on Sunday.",
        "Black voters turned out in record numbers in the county.",
        "She is a transgender teacher who won the district award.",
        "Immigrants started a third of the new businesses in town.",
        "Older people and disabled residents need better bus routes.",
        "The article on Mexican cuisine made me hungry.",
        "Our rabbi and our imam spoke together at the vigil.",
    })
    void keeps_identity_mentions_under_every_threshold(String text) {
        assertCivil(text);
    }

    private static void assertFlagged(String text, Category category) {
        double score = classifier.score(text).get(category);
        assertThat(score).as("%s score of \"%s\"", category.code(), text)
                .isGreaterThanOrEqualTo(classifier.thresholds().nudge(category));
    }

    private static void assertSameAsPlainAndUncivil(String evasion, String plain) {
        Scores evasive = classifier.score(evasion);
        assertThat(evasive.uncivil()).as("uncivil score of \"%s\"", evasion)
                .isCloseTo(classifier.score(plain).uncivil(), org.assertj.core.data.Offset.offset(1e-6))
                .isGreaterThanOrEqualTo(classifier.thresholds().nudge(Category.UNCIVIL));
    }

    private static void assertCivil(String text) {
        Scores scores = classifier.score(text);
        for (Category category : Category.values()) {
            assertThat(scores.get(category)).as("%s score of \"%s\"", category.code(), text)
                    .isLessThan(classifier.thresholds().nudge(category));
        }
    }
}
