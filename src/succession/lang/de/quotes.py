"""German cues for quotations and their speakers (see succession.quotes; English: succession.lang.en.quotes).

Word lists are lower-case surface forms; the German model (``QUOTE_MODEL``) learns how much each weighs."""

# verbs of saying, as they appear in reports (finite forms and participles)
SPEECH_VERBS = (
    "sagte", "sagten", "sagt", "sagen", "gesagt", "erklärte", "erklärten", "erklärt", "erklären", "betonte",
    "betonten", "betont", "meinte", "meint", "fügte", "ergänzte", "ergänzt", "sprach", "spricht", "teilte",
    "teilten", "teilt", "mitgeteilt", "berichtete", "berichteten", "berichtet", "schrieb", "schreibt",
    "schrieben", "bestätigte", "bestätigt", "bestätigten", "kündigte", "kündigten", "angekündigt", "kündigt",
    "warnte", "warnt", "forderte", "fordert", "forderten", "kritisierte", "kritisiert", "kritisierten",
    "räumte", "räumt", "behauptete", "behauptet", "bekräftigte", "unterstrich", "versicherte", "versprach",
    "verspricht", "erwiderte", "antwortete", "entgegnete", "hob", "wies", "gab", "äußerte", "äußerten",
    "bezeichnete", "bezeichnet", "nannte", "nennt", "zitiert", "zitierte", "hieß", "heißt", "lautete",
    "begründete", "argumentierte", "verwies", "verweist", "sieht", "sah", "glaubt", "glaubte", "hofft",
    "hoffte", "befürchtet", "befürchtete", "vermutete", "vermutet", "bestritt", "bestreitet", "dementierte",
    "meldete", "meldet", "gestand", "beklagte", "beklagt", "lobte", "lobt", "mahnte", "appellierte",
    "ankündigte", "mitteilte", "bekannt", "vorgeworfen", "warf", "wirft", "verkündete", "kommentierte",
    "kommentiert", "verlautete", "verlautet", "urteilte", "urteilt", "stellte", "spekuliert", "spekulierte",
    "fuhr", "wertete", "bewertete", "bewertet", "schätzt", "schätzte", "prognostizierte", "charakterisierte",
    "bekundete", "fürchtet", "fürchtete", "entschied", "vertrat", "vertritt", "schilderte", "erläuterte",
    "erläutert", "beschrieb", "beschreibt", "rief", "ruft", "drohte", "droht", "verlangte", "verlangt",
    "widersprach", "twitterte", "postete", "resümierte", "folgerte", "sprachen",
)
# "laut X", "nach Angaben X": the source follows
# the speaker's own words: a quoted sentence in the first person is a statement
FIRST_PERSON = ("ich", "wir", "mich", "mir", "uns", "unser", "unsere", "mein", "meine", "meinen")
ACCORDING_BEFORE = ("laut", "nach angaben", "nach aussage", "nach aussagen", "nach ansicht", "nach auffassung",
                    "nach einschätzung", "nach informationen", "nach darstellung", "nach meinung", "gemäß",
                    "demnach", "nach berichten", "nach eigenen angaben")
# "X zufolge": the source comes before
ACCORDING_AFTER = ("zufolge", "nach", "nach zu urteilen")
# ", so X": the source follows a comma and this word, after the quoted statement
TRAILING_SOURCE = ("so",)
# verb forms of reported speech (Konjunktiv I and the usual Konjunktiv II stand-ins)
REPORTED_FORMS = (
    "sei", "seien", "seist", "habe", "hätte", "hätten", "werde", "würde", "würden", "könne", "könnten",
    "könnte", "müsse", "müssten", "müsste", "solle", "wolle", "dürfe", "dürften", "gebe", "wäre", "wären",
    "stehe", "gehe", "komme", "liege", "bestehe", "handle", "brauche", "wisse", "sehe", "lasse", "bleibe",
    "trage", "halte", "zeige", "mache", "plane", "wolle", "möchte",
)
# modal verbs of hearsay ("Er soll ... haben", "Die Täter sollen ..."): like a Konjunktiv form, they mark a
# statement someone else made; read only by the speaker features (a subject beside them is no speaker)
HEARSAY_FORMS = ("soll", "sollen")
# words that stand for the source of a report and are annotated as its speaker
SOURCE_ADVERBS = ("demnach", "danach", "wonach", "dabei")
# a word after one of these is in a prepositional phrase, rarely the speaker ("laut" and "according to" aside)
PREPOSITIONS = ("in", "im", "mit", "über", "auf", "an", "am", "bei", "beim", "von", "vom", "zu", "zum", "zur", "für",
                "gegen", "gegenüber", "aus", "durch", "um", "unter", "vor", "während", "wegen", "trotz", "seit", "ohne",
                "bezüglich", "hinsichtlich", "angesichts", "zwischen", "neben", "hinter", "innerhalb", "außerhalb")
# a phrase after these opens the sentence as an adverbial, not as its subject ("Als Grund nannte sie ...")
ADVERBIAL_HEADS = ("als",)
# in a passive sentence ("Die Pläne wurden von der Opposition kritisiert") the phrase after these names the speaker
AGENT_PREPOSITIONS = ("von", "vom")
PASSIVE_AUXILIARIES = ("wurde", "wurden", "worden", "wird", "werden")
COMPLEMENTISERS = ("dass", "daß", "ob", "wonach")
# in a sentence with no verb of saying, a clause after a comma opening with one of these is the reported
# statement, and the clause before it its attribution ("Der Verband geht davon aus, dass ..."): the quotation
# starts there, so the holder before it is a speaker candidate outside the quoted words; not when the clause
# before already reports in the Konjunktiv ("Man wisse noch nicht, ob ...": all of it is reported)
REPORTED_CLAUSE_OPENERS = ("dass", "daß", "ob")
# an infinitive clause ("..., die Radwege zu räumen", "..., sich anzuschließen"): after the first comma of a
# sentence with no verb of saying it is the reported request or promise, the clause before its attribution
INFINITIVE_CLAUSE = (r"(?<!\w)zu \w+en(?!\w)|(?<!\w)(?:an|auf|aus|ein|mit|vor|zurück|ab|bei|her|hin|nach|weg|zu|fest"
                     r"|dar|frei|durch|um|über|unter|wieder|los)zu\w+en(?!\w)")
# pronouns that stand for a speaker named before, and the gender they point to
SPEAKER_PRONOUNS = {"er": "m", "sie": "f", "ich": None, "wir": None}
# phrases that stand for the article's organisation
# pronouns that always stand for a group: their antecedent is no person named before
PLURAL_PRONOUNS = ()
# pronouns that stand for a group beside a plural verb ("Sie forderten", "seien sie"), and that verb's shape
AMBIGUOUS_PLURAL = ("sie",)
PLURAL_VERB = (r"(?!(?:den|einen|keinen|ihren|seinen|unseren|diesen|jenen|allen|ihnen|denen|wegen|gegen|zwischen"
               r"|neben|oben|unten|morgen|gestern|eben|often)$)(?:[a-zäöüß]+en|sind)")
# whether a gendered pronoun may stand for a thing or an organisation ("er" may stand for "der Konzern")
GRAMMATICAL_GENDER = True
ORG_REFERENCES = ("das unternehmen", "der konzern", "die firma", "die gruppe", "der vorstand",
                  "der aufsichtsrat", "die bank", "der verein", "der verband")
# words that open the answer / question of a printed interview ("Frage:", "Antwort:")
QUESTION_LABELS = ("frage", "f")
ANSWER_LABELS = ("antwort", "a")
# general nouns that name speakers and sources; the models see a capitalised word as itself only when it
# is one of these or another word of the lists here (else as "<cap>"), so no name can be learned
SPEAKER_NOUNS = (
    "sprecher", "sprecherin", "sprecherinnen", "polizei", "regierung", "minister", "ministerin", "präsident",
    "präsidentin", "angaben", "angabe", "bericht", "berichte", "berichten", "zeitung", "zeitungen", "agentur",
    "nachrichtenagentur", "erklärung", "mitteilung", "pressemitteilung", "stellungnahme", "experten", "experte",
    "beobachter", "kritiker", "behörden", "behörde", "ministerium", "staatsanwaltschaft", "gericht", "richter",
    "richterin", "unternehmen", "konzern", "vorstand", "chef", "chefin", "vorsitzende", "vorsitzender",
    "kanzler", "kanzlerin", "bürgermeister", "bürgermeisterin", "opposition", "partei", "fraktion", "gewerkschaft",
    "ermittler", "anwalt", "anwältin", "zeugen", "augenzeugen", "insider", "kreise", "kreisen", "medien",
    "medienberichten", "informationen", "aussage", "aussagen", "meinung", "ansicht", "auffassung", "einschätzung",
    "sicht", "worte", "worten", "interview", "brief", "schreiben", "studie", "analyse", "verband", "verein",
    "botschaft", "armee", "militär", "sender", "fernsehen", "rundfunk", "magazin", "blatt", "online",
    "ausgabe", "kommission", "rat", "gremium", "ausschuss", "aufsichtsrat", "vertreter", "vertreterin",
    "mitarbeiter", "mitarbeiterin", "wissenschaftler", "forscher", "ärzte", "arzt", "demnach", "danach",
)
# endings of compound nouns that name the source of a report ("Polizeiangaben", "Zeugenaussagen",
# "Medienberichten"): such a word is the speaker the way "Angaben" is
SOURCE_NOUN_ENDINGS = ("angaben", "aussagen", "berichten", "bericht", "informationen", "meldungen", "meldung",
                       "meinung", "erkenntnissen", "darstellung", "einschätzung", "quellen", "umfragen", "kreisen",
                       "schätzungen")
# the learned model for this language, shipped in succession/resources (None: rules only)
QUOTE_MODEL = "quotes_de.json"
