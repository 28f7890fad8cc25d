package org.parley.moderation;

import java.util.SplittableRandom;

/**
 * Comment text for the search benchmark: readers' remarks in English made from word lists written for it, a
 * topic per story (politics, sport, weather, money, culture, science, transport, local life), words drawn by
 * Zipf's law within each list so that some are common and some rare, and now and then a place or a surname from
 * long lists whose tail words are rare. Not thread-safe (it holds a random source).
 */
final class SearchCorpus {

    static final String[] FUNCTION = words("the a of and to in is that it for on was with as but this be at by not"
            + " are have from or one had they you were all we there can an your which their if do will would about"
            + " so what when up out them then some more no could like just than also only its over after");
    static final String[] OPINION = words("I think agree disagree honestly frankly clearly surely perhaps maybe"
            + " wrong right fair unfair strange obvious important worrying hopeful tired ridiculous sensible brave"
            + " careless thoughtful rushed overdue sad glad angry impressed disappointed curious doubtful");
    static final String[][] TOPICS = {
        words("minister parliament election coalition vote budget reform opposition party campaign debate policy"
                + " senator mayor council referendum ballot cabinet scandal inquiry mandate turnout manifesto"
                + " constituency lobbyist veto amendment treaty summit envoy sanctions"),
        words("match goal striker keeper league season coach transfer derby penalty referee stadium fans trophy"
                + " final tournament injury squad captain midfield defence marathon cyclist sprint medal record"
                + " umpire innings wicket"),
        words("storm rain flood drought heatwave frost snow wind forecast temperature climate river harvest"
                + " hailstorm fog sunshine thunder lightning tide glacier wildfire monsoon humidity breeze"
                + " blizzard drizzle"),
        words("inflation wages prices rent mortgage tax pension bank interest market shares investors profit"
                + " loss debt savings tariff export import factory unemployment subsidy startup merger dividend"
                + " bond currency recession"),
        words("film novel festival museum theatre concert album painter exhibition orchestra poet premiere"
                + " director actor gallery sculpture opera ballet critic library translation playwright choir"
                + " documentary"),
        words("study researchers vaccine telescope experiment genome battery satellite climate data algorithm"
                + " physics chemistry laboratory fossil species microscope quantum neutrino asteroid enzyme"
                + " protein robot"),
        words("train bus tram railway timetable ferry airport bridge tunnel traffic cyclists motorway parking"
                + " platform delay strike ticket fares commuters roadworks harbour station junction"),
        words("school hospital library park market neighbours bakery playground council street pavement noise"
                + " litter volunteers allotment pharmacy postman festival church clinic lanterns bins")};
    static final String[] PLACES = words("Geneva Lisbon Ankara İstanbul Izmir Lyon Porto Gdansk Tallinn Bergen"
            + " Valletta Thessaloniki Ljubljana Bratislava Cork Aarhus Utrecht Ghent Bremen Graz Salzburg Turin"
            + " Bologna Seville Bilbao Krakow Brno Debrecen Tartu Riga Kaunas Tampere Uppsala Malmo Trondheim Nantes"
            + " Rennes Lille Dijon Basel Lugano Innsbruck Linz Plovdiv Varna Constanta Cluj Sibiu Split Rijeka"
            + " Kotor Ohrid Tirana Shkoder Durres Patras Heraklion Limassol Famagusta Trabzon Konya Bursa Antalya"
            + " Mersin Eskisehir Kayseri Samsun Rize Mardin Edirne Çanakkale Galway Limerick Inverness Dundee"
            + " Swansea Cardiff Norwich Exeter Whitby Kendal Bruges Namur Arlon Esch Vianden Maastricht Zwolle"
            + " Leeuwarden Flensburg Rostock Passau Coburg Kassel Gorlitz Olomouc Ostrava");
    static final String[] SURNAMES = words("Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç Müller"
            + " Schmidt Schneider Fischer Weber Meyer Wagner Becker Dubois Moreau Laurent Girard Bonnet Rossi Russo"
            + " Ferrari Esposito Bianchi Novak Kowalski Nowak Wiśniewski Horváth Nagy Kovács Silva Santos Ferreira"
            + " Pereira García Martínez López Sánchez Jansen Visser Smit Bakker Larsen Nielsen Hansen Johansson"
            + " Andersson Virtanen Korhonen Papadopoulos Georgiou Murphy Kelly Walsh Byrne Evans Hughes Price");

    private final SplittableRandom random;

    SearchCorpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One comment on a story of {@code topic}: one to four sentences of six to eighteen words. */
    String comment(int topic) {
        StringBuilder text = new StringBuilder();
        int sentences = 1 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            int length = 6 + random.nextInt(13);
            for (int w = 0; w < length; w++) {
                String word = word(topic);
                text.append(w == 0 ? capitalized(word) : word).append(w == length - 1 ? "" : " ");
            }
            text.append(random.nextInt(8) == 0 ? "? " : random.nextInt(10) == 0 ? "! " : ". ");
        }
        return text.toString().strip();
    }

    /** A word drawn by Zipf's law (exponent 1) from a list, rank 1 the most frequent. */
    String zipf(String[] list) {
        double harmonic = 0;
        for (int k = 1; k <= list.length; k++) {
            harmonic += 1.0 / k;
        }
        double target = random.nextDouble() * harmonic;
        for (int k = 1; k <= list.length; k++) {
            target -= 1.0 / k;
            if (target <= 0) {
                return list[k - 1];
            }
        }
        return list[list.length - 1];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String word(int topic) {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return zipf(FUNCTION);
        }
        if (pick < 65) {
            return zipf(OPINION);
        }
        if (pick < 93) {
            return zipf(TOPICS[topic]);
        }
        if (pick < 96) {
            return zipf(TOPICS[random.nextInt(TOPICS.length)]);
        }
        if (pick < 98) {
            return zipf(PLACES);
        }
        return zipf(SURNAMES);
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String[] words(String list) {
        return list.split(" ");
    }
}
