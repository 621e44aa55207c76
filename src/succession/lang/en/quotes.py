"""English cues for quotations and their speakers (see succession.quotes).

Names match succession.lang.de.quotes. English has no learned model: the rule weights in
succession.quotes.rules read these lists."""

# endings of compound nouns that name a source (German writes "Polizeiangaben" as one word; English does not)
SOURCE_NOUN_ENDINGS: tuple[str, ...] = ()
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "stated", "states",
    "stressed", "noted", "notes", "wrote", "writes", "announced", "announces", "confirmed", "confirms",
    "warned", "warns", "argued", "argues", "claimed", "claims", "insisted", "insists", "admitted", "declared",
    "replied", "responded", "answered", "commented", "remarked", "acknowledged", "emphasised", "emphasized",
    "reported", "reports", "asserted", "maintained", "suggested", "predicted", "promised", "denied", "denies",
    "believes", "believed", "hopes", "hoped", "criticised", "criticized", "praised", "urged", "called",
    "described", "recalled", "conceded", "countered", "continued", "tweeted", "posted", "mused",
    "commented", "judged", "estimated", "forecast", "feared", "fears", "demanded", "demands", "contradicted",
    "quoted", "concluded", "threatened", "wrote", "observed", "pointed",
)
# the speaker's own words: a quoted sentence in the first person is a statement
FIRST_PERSON = ("i", "we", "me", "us", "our", "my")
ACCORDING_BEFORE = ("according to", "as reported by", "citing", "in the words of", "quoted by")
ACCORDING_AFTER = ("reportedly",)
TRAILING_SOURCE = ("per",)
# modal verbs of hearsay: English "is said to" is no single word, so none
HEARSAY_FORMS: tuple[str, ...] = ()
REPORTED_FORMS = ("would", "had been", "was going to", "could", "might")
# words that stand for the source of a report and are annotated as its speaker
SOURCE_ADVERBS = ("reportedly", "allegedly")
# a word after one of these is in a prepositional phrase, rarely the speaker ("laut" and "according to" aside)
PREPOSITIONS = ("in", "on", "at", "with", "about", "over", "by", "from", "to", "for", "against", "of", "into",
                "during", "after", "before", "under", "through", "without", "since")
# a phrase after these opens the sentence as an adverbial, not as its subject ("As a reason she gave ...")
ADVERBIAL_HEADS = ("as",)
# in a passive sentence ("The plan was criticised by the union") the phrase after these names the speaker
AGENT_PREPOSITIONS = ("by",)
PASSIVE_AUXILIARIES = ("was", "were", "been", "is", "are")
COMPLEMENTISERS = ("that", "whether")
# a clause after a comma that reports the statement of the clause before it (German ", dass ..."); English
# puts no comma before "that", so none
REPORTED_CLAUSE_OPENERS: tuple[str, ...] = ()
# an infinitive clause after the first comma reporting a request (German "..., die Radwege zu räumen"); an
# English infinitive needs no comma and mostly follows a verb of saying ("urged the city to ..."): none
INFINITIVE_CLAUSE = None
SPEAKER_PRONOUNS = {"he": "m", "she": "f", "i": None, "we": None, "they": None}
# pronouns that stand for a group ("they said"): their antecedent is no person named before
PLURAL_PRONOUNS = ("they",)
# pronouns that stand for a group beside a plural verb, and that verb's shape (None: none)
AMBIGUOUS_PLURAL = ()
PLURAL_VERB = None
# whether a gendered pronoun may stand for a thing or an organisation ("he" and "she" stand for persons only)
GRAMMATICAL_GENDER = False
ORG_REFERENCES = ("the company", "the firm", "the group", "the board", "the bank", "the club", "the company's board")
QUESTION_LABELS = ("q", "question")
ANSWER_LABELS = ("a", "answer")
SPEAKER_NOUNS = ("spokesman", "spokeswoman", "spokesperson", "police", "government", "minister", "president",
                 "officials", "report", "newspaper", "agency", "statement", "experts", "analysts", "critics",
                 "court", "company", "board", "chief", "chairman", "chairwoman", "sources", "interview")
QUOTE_MODEL = None
