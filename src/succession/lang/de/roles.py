"""German role words and the canonical English role each one signals (see succession.lang.en.roles)."""

ROLES = {
    "vorstandschef": "CEO", "vorstandschefin": "CEO", "vorstandsvorsitzender": "CEO", "vorstandsvorsitzende": "CEO",
    "vorstandsvorsitzenden": "CEO", "vorsitzender des vorstands": "CEO", "vorsitzende des vorstands": "CEO",
    "vorstandsvorsitz": "CEO", "konzernchef": "CEO", "konzernchefin": "CEO", "unternehmenschef": "CEO",
    "unternehmenschefin": "CEO", "firmenchef": "CEO", "firmenchefin": "CEO", "ceo": "CEO", "chef": "CEO",
    "chefin": "CEO", "geschäftsführer": "CEO", "geschäftsführerin": "CEO", "geschäftsführers": "CEO",
    "generaldirektor": "CEO", "generaldirektorin": "CEO", "bankchef": "CEO", "bankchefin": "CEO",
    "spitze": "CEO", "leitung": "CEO", "chefposten": "CEO", "chefsessel": "CEO",
    "interimschef": "interim CEO", "interimschefin": "interim CEO", "vorläufiger ceo": "interim CEO",
    "vorläufigen ceo": "interim CEO", "interims-ceo": "interim CEO", "kommissarischer chef": "interim CEO",
    "aufsichtsratschef": "chair", "aufsichtsratschefin": "chair", "aufsichtsratsvorsitzender": "chair",
    "aufsichtsratsvorsitzende": "chair", "aufsichtsratsvorsitzenden": "chair", "vorsitzender des aufsichtsrats": "chair",
    "vorsitzende des aufsichtsrats": "chair", "verwaltungsratspräsident": "chair", "verwaltungsratspräsidentin": "chair",
    "verwaltungsratschef": "chair", "vorsitzender": "chair", "vorsitzende": "chair", "vorsitzenden": "chair",
    "vorsitz": "chair", "verwaltungsratsvorsitzender": "chair",
    "präsident": "president", "präsidentin": "president", "präsidenten": "president",
    "finanzvorstand": "CFO", "finanzvorständin": "CFO", "finanzchef": "CFO", "finanzchefin": "CFO", "cfo": "CFO",
    "technikvorstand": "CTO", "technikchef": "CTO", "technikchefin": "CTO", "cto": "CTO",
    "technologiechef": "CTO", "technologiechefin": "CTO",
    "produktchef": "CPO", "produktchefin": "CPO", "cpo": "CPO", "coo": "COO", "betriebschef": "COO",
    "chefwissenschaftler": "chief scientist", "chefwissenschaftlerin": "chief scientist",
    "vorstandsmitglied": "board member", "vorstandsmitglieder": "board member", "vorstandsmitgliedern": "board member",
    "mitglied des vorstands": "board member", "aufsichtsrat": "board member", "aufsichtsratsmitglied": "board member",
    "verwaltungsrat": "board member", "vorstand": "board member", "sitz im vorstand": "board member",
    "stiftungsrat": "board member",
    "beobachter": "board observer", "nicht stimmberechtigter beobachter": "board observer",
    "nicht stimmberechtigten sitz": "board observer",
    "mitbegründer": "co-founder", "mitbegründerin": "co-founder", "mitgründer": "co-founder",
    "mitgründerin": "co-founder", "gründer": "founder", "gründerin": "founder",
    "trainer": "coach", "trainerassistent": "assistant coach", "co-trainer": "assistant coach",
    "assistenztrainer": "assistant coach", "cheftrainer": "coach", "nationaltrainer": "coach", "trainerin": "coach",
    "chefredakteur": "editor", "chefredakteurin": "editor", "chefredaktion": "editor", "herausgeber": "editor",
    "gouverneur": "governor", "notenbankchef": "governor", "notenbankchefin": "governor",
    "sicherheitsverantwortlicher": "safety lead", "sicherheitsverantwortlichen": "safety lead",
    "obmann": "chair", "obfrau": "chair", "sportdirektor": "sporting director",
    # public offices: government, parliament, party, city, church, academia, agencies, international bodies
    "ministerpräsident": "prime minister", "ministerpräsidentin": "prime minister",
    "ministerpräsidenten": "prime minister", "premierminister": "prime minister",
    "premierministerin": "prime minister", "premier": "prime minister", "regierungschef": "prime minister",
    "regierungschefin": "prime minister", "minister": "minister", "ministerin": "minister", "ministers": "minister",
    "bundesminister": "minister", "bundesministerin": "minister", "staatssekretär": "minister",
    # a minister's portfolio: "übernimmt das Sozialressort", "das Finanzressort abgeben"
    "ressort": "minister",
    "bundeskanzler": "chancellor", "bundeskanzlerin": "chancellor", "kanzler": "chancellor", "kanzlerin": "chancellor",
    "bundespräsident": "head of state", "bundespräsidentin": "head of state", "staatspräsident": "head of state",
    "staatspräsidentin": "head of state", "staatschef": "head of state", "staatschefin": "head of state",
    "staatsoberhaupt": "head of state",
    # taking power ("kam nach einem Umsturz an die Macht") is the post of the state's leader
    "an die macht": "head of state",
    # a mandate to form a government ("mit der Regierungsbildung beauftragt") is the post of its head
    "mit der regierungsbildung beauftragt": "prime minister",
    "bürgermeister": "mayor", "bürgermeisterin": "mayor", "oberbürgermeister": "mayor",
    "oberbürgermeisterin": "mayor", "vizebürgermeister": "deputy mayor", "vizebürgermeisterin": "deputy mayor",
    # a city's chief is its mayor, not a company's chief executive ("Chef" alone is read as CEO)
    "stadtchef": "mayor", "stadtchefin": "mayor", "vizestadtchef": "deputy mayor", "vizestadtchefin": "deputy mayor",
    "landeshauptmann": "governor", "landeshauptfrau": "governor",
    "parteichef": "party leader", "parteichefin": "party leader", "parteivorsitzender": "party leader",
    "parteivorsitzende": "party leader", "parteiobmann": "party leader", "parteiobfrau": "party leader",
    "klubchef": "party leader", "klubobmann": "party leader", "klubobfrau": "party leader",
    "generalsekretär": "general secretary", "generalsekretärin": "general secretary",
    "landesrat": "minister", "landesrätin": "minister", "stadtrat": "city councillor", "stadträtin": "city councillor",
    "botschafter": "ambassador", "botschafterin": "ambassador", "kommissar": "commissioner",
    "kommissarin": "commissioner", "landtagspräsident": "speaker", "landtagspräsidentin": "speaker",
    "nationalratspräsident": "speaker", "nationalratspräsidentin": "speaker", "bezirksvorsteher": "mayor",
    "bezirksvorsteherin": "mayor", "polizeipräsident": "police chief", "polizeipräsidentin": "police chief",
    "generalbundesanwalt": "attorney general", "generalbundesanwältin": "attorney general",
    "bischof": "bishop", "erzbischof": "archbishop", "papst": "pope", "dekan": "dean", "dekanin": "dean",
    "rektor": "rector", "rektorin": "rector", "intendant": "artistic director", "intendantin": "artistic director",
    "künstlerischer leiter": "artistic director", "künstlerische leiterin": "artistic director",
    "direktor": "director", "direktorin": "director", "leiter": "head", "leiterin": "head",
    "sportchef": "sporting director", "manager": "manager", "managerin": "manager",
    # a party's chair told as the office or a nominalisation ("übernimmt den Parteivorsitz"), a federal or
    # regional chair of a party, a parliamentary group's leader
    "parteivorsitz": "party leader", "parteispitze": "party leader", "bundesvorsitzender": "party leader",
    "bundesvorsitzende": "party leader", "landesvorsitzender": "party leader", "landesvorsitzende": "party leader",
    "fraktionschef": "party leader", "fraktionschefin": "party leader", "fraktionsvorsitzender": "party leader",
    "fraktionsvorsitzende": "party leader",
    # the office of a head of government written as a compound of a generic office word ("übernimmt das
    # Regierungsamt", "führt die Regierungsgeschäfte"): the post, not its title
    "regierungsamt": "prime minister", "regierungsgeschäfte": "prime minister", "kanzlerschaft": "chancellor",
    "vizekanzler": "deputy prime minister", "vizekanzlerin": "deputy prime minister",
    "vizepremier": "deputy prime minister", "vizepremierministerin": "deputy prime minister",
    "vizepremierminister": "deputy prime minister", "vizepräsident": "vice president", "vizepräsidentin": "vice president",
    "landeschef": "governor", "landeschefin": "governor", "landrat": "governor", "landrätin": "governor",
    "senator": "senator", "senatorin": "senator",
    # a "-chef" compound of a public body is that body's head, no company's chief executive
    "polizeichef": "police chief", "polizeichefin": "police chief", "armeechef": "head", "generalstabschef": "head",
    "geheimdienstchef": "head", "geheimdienstchefin": "head", "behördenchef": "head", "behördenchefin": "head",
    "gewerkschaftschef": "head", "gewerkschaftschefin": "head", "kommunikationschef": "head",
    "kommunikationschefin": "head", "pressechef": "head", "pressechefin": "head",
    # church offices beside "Bischof", "Papst", "Dekan"
    "bischöfin": "bishop", "landesbischöfin": "bishop", "kardinal": "cardinal", "abt": "abbot", "äbtissin": "abbot",
    "pfarrer": "pastor", "pfarrerin": "pastor", "superintendent": "superintendent", "superintendentin": "superintendent",
    "generalvikar": "vicar general", "patriarch": "patriarch", "oberrabbiner": "chief rabbi",
    # sport posts: a club's sporting head, a national coach ("Geschäftsführer Sport" and "sportlicher Leiter"
    # as a sporting director drew a coach's change in the same sentence to that post: left as they were)
    "sportgeschäftsführer": "sporting director", "sportvorstand": "sporting director",
    "sportdirektorin": "sporting director",
    "sportchefin": "sporting director", "teamchef": "coach", "teamchefin": "coach", "chefcoach": "coach",
    "cheftrainerin": "coach",
}

# compound heads: "Foo-Chef", "Foo-Vorstandsvorsitzender" name a role at organisation Foo
ROLE_HEADS = {"chef": "CEO", "chefin": "CEO", "ceo": "CEO", "vorstandschef": "CEO", "vorstandsvorsitzender": "CEO",
              "vorstandsvorsitzenden": "CEO", "vorstandsvorsitzende": "CEO", "konzernchef": "CEO",
              "aufsichtsratschef": "chair", "präsident": "president", "präsidenten": "president",
              "finanzchef": "CFO", "finanzvorstand": "CFO", "vorstand": "board member", "trainer": "coach",
              "mitbegründer": "co-founder", "gründer": "founder", "cto": "CTO", "cfo": "CFO"}

ROLE_MODIFIERS = {"interims": "interim", "vorläufig": "interim", "kommissarisch": "interim",
                  "übergangs": "interim", "interimistisch": "interim"}

FORMER = ("ehemalig", "früher", "frühere", "ex-", "ex", "einstig", "damalig", "bisher", "scheidend")

SINGLE_HOLDER = ("CEO", "interim CEO", "chair", "president", "CFO", "CTO", "COO", "CPO", "CMO",
                 "chief scientist", "manager", "coach", "governor", "editor")

# endings a role word may take ("Vorstandsvorsitzenden", "Präsidentin", "Chefs")
INFLECTION = r"(?:e|en|n|s|es|in|innen|nen)?"

GENERIC_ROLES = ("amt", "posten", "position", "führung", "ruder", "sessel", "funktion", "aufgabe", "chefsessel",
                 "führungsposition", "spitzenposten")

COMPOUND_SUFFIXES = True

BODY_WORDS = ("vorstand", "aufsichtsrat", "verwaltungsrat", "stiftungsrat", "rat", "präsidium", "vorstands")
BODY_ARTICLES = ("der", "die", "das", "dem", "den", "des", "sein", "seinem", "seinen", "ihr", "ihrem", "neue", "neuen",
                 "gesamte", "gesamten", "im", "vom", "beim", "zum")
SEAT_VERBS = ("in den", "in das")
SEAT_VERBS_AFTER = ("beitreten", "beigetreten", "beitritt", "einziehen", "eingezogen", "gewählt", "berufen", "angehören",
                    "aufgenommen")
LEAD_WORDS = ("unter der leitung", "unter leitung", "unter führung", "unter der führung", "angeführt von",
              "geleitet von")

# Vorsilben eines Rollenworts, die keine Organisation sind ("Co-Trainer", "Vize-Chef", "Interims-Chef"):
# a "Foo-Chef" compound whose first part is one of these names no organisation
ROLE_PREFIXES = ("co", "ko", "vize", "ex", "interims", "sub", "stellvertretender", "stellvertretende",
                 # ordinals of a post, capitalised in its title ("zum Dritten Präsidenten", "Erste Präsidentin")
                 "erste", "ersten", "erster", "zweite", "zweiten", "zweiter", "dritte", "dritten", "dritter")

# case endings a title sheds when a change reports it ("des Finanzministers" -> "Finanzminister"), longest
# first; a feminine "-in" is no case ending and stays
CASE_ENDINGS = ("es", "en", "s", "n")
# a German title keeps its capital (it is a noun)
TITLE_CASE_AS_WRITTEN = True
# role words that name a post without being its title ("übernimmt das Sozialressort", "kam an die Macht"): a
# change reports its canonical role for them, never these words
NOT_TITLES = ("ressort", "regierungsamt", "regierungsgeschäfte", "kanzlerschaft", "parteispitze", "parteivorsitz", "an die macht", "mit der regierungsbildung beauftragt", "spitze", "leitung",
              "chefposten", "chefsessel", "sitz im vorstand", "nicht stimmberechtigten sitz")
# German writes a minister's portfolio into the title ("Finanzminister"): no separate portfolio word
PORTFOLIO_TITLES: tuple[str, ...] = ()
NOT_PORTFOLIOS: tuple[str, ...] = ()

# nouns for people who hold no post of leadership (see lang/en/roles.py); German articles name a player's
# move by "wechselt", which no trigger reads, so none are needed
NOT_POST_NOUNS: tuple[str, ...] = ()
