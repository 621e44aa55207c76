"""English role words and the canonical English role each one signals.

ROLES maps a lower-case surface form (one or more words) to a canonical role. Longer forms win over
shorter ones at the same position. ROLE_HEADS are compound heads ("-boss" in "Foo-boss") that make any
"Org-head" compound a role; ROLE_MODIFIERS turn a role into another ("interim" + CEO).
"""

ROLES = {
    "chief executive officer": "CEO", "chief executive": "CEO", "ceo": "CEO", "boss": "CEO",
    "managing director": "CEO", "group chief executive": "CEO", "head": "CEO", "chief": "CEO", "helm": "CEO",
    "interim chief executive": "interim CEO", "interim ceo": "interim CEO", "acting chief executive": "interim CEO",
    "acting ceo": "interim CEO", "temporary chief executive": "interim CEO",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
    "executive chairman": "chair", "non-executive chairman": "chair", "chair of the board": "chair",
    "vice-chairman": "vice chair", "vice chairman": "vice chair", "deputy chairman": "vice chair",
    "president": "president", "vice-president": "vice president", "vice president": "vice president",
    "chief financial officer": "CFO", "cfo": "CFO", "finance chief": "CFO", "finance director": "CFO",
    "chief technology officer": "CTO", "cto": "CTO", "chief technical officer": "CTO",
    "chief operating officer": "COO", "coo": "COO", "chief operations officer": "COO",
    "chief product officer": "CPO", "cpo": "CPO",
    "chief scientist": "chief scientist", "chief marketing officer": "CMO", "cmo": "CMO",
    "board member": "board member", "member of the board": "board member", "director": "board member",
    "non-executive director": "board member", "executive director": "board member",
    "board seat": "board member", "seat on the board": "board member",
    "board observer": "board observer", "non-voting board seat": "board observer", "observer": "board observer",
    "co-founder": "co-founder", "cofounder": "co-founder", "founder": "founder",
    "manager": "manager", "player-boss": "manager", "player-coach": "manager", "head coach": "coach", "coach": "coach", "player-manager": "manager",
    "performance director": "performance director", "assistant coach": "assistant coach",
    "assistant manager": "assistant coach", "first-team coach": "assistant coach", "sporting director": "sporting director",
    "editor": "editor", "editor-in-chief": "editor", "governor": "governor",
    "co-head": "co-head", "production chief": "head of production", "safety lead": "safety lead",
    "head of safety": "safety lead",
    # public offices: government, parliament, party, city, church, academia, agencies, international bodies
    "prime minister": "prime minister", "premier": "prime minister", "first minister": "prime minister",
    "deputy prime minister": "deputy prime minister", "minister": "minister", "secretary of state": "minister",
    "home secretary": "minister", "foreign secretary": "minister", "defence secretary": "minister",
    "health secretary": "minister", "education secretary": "minister", "culture secretary": "minister",
    "trade secretary": "minister", "transport secretary": "minister", "environment secretary": "minister",
    "work and pensions secretary": "minister", "chief secretary to the treasury": "minister",
    "northern ireland secretary": "minister", "scottish secretary": "minister", "welsh secretary": "minister",
    "chancellor": "chancellor", "chancellor of the exchequer": "chancellor", "vice-chancellor": "vice-chancellor",
    "head of state": "head of state", "head of government": "prime minister", "mayor": "mayor",
    "lord mayor": "mayor", "deputy mayor": "deputy mayor", "party leader": "party leader", "leader": "leader",
    "deputy leader": "deputy leader", "party chairman": "chair", "general secretary": "general secretary",
    "secretary-general": "general secretary", "secretary general": "general secretary",
    "commissioner": "commissioner", "high commissioner": "ambassador", "ambassador": "ambassador",
    "speaker": "speaker", "attorney general": "attorney general", "director-general": "director-general",
    "director general": "director-general", "chief constable": "police chief", "police chief": "police chief",
    "chief of staff": "chief of staff", "bishop": "bishop", "archbishop": "archbishop", "pope": "pope",
    "dean": "dean", "rector": "rector", "provost": "rector", "artistic director": "artistic director",
    "chief whip": "chief whip", "governor-general": "governor",
}

# a capitalised word followed by one of these forms a role about that organisation ("Foo boss")
ROLE_HEADS = {"boss": "CEO", "chief": "CEO", "chief executive": "CEO", "ceo": "CEO", "chairman": "chair",
              "manager": "manager", "coach": "coach", "president": "president", "leader": "leader",
              "mayor": "mayor"}

# words before a role that change it
ROLE_MODIFIERS = {"interim": "interim", "acting": "interim", "temporary": "interim", "caretaker": "interim"}

# words that mark a role as no longer held ("former CEO")
FORMER = ("former", "ex-", "ex", "then", "erstwhile", "previous", "outgoing", "late")

# roles only one person holds at a time in an organisation
SINGLE_HOLDER = ("CEO", "interim CEO", "chair", "president", "CFO", "CTO", "COO", "CPO", "CMO",
                 "chief scientist", "manager", "coach", "governor", "editor", "prime minister", "chancellor",
                 "mayor", "head of state", "party leader", "pope", "rector", "dean")

# endings a role word may take (plural, possessive)
INFLECTION = r"(?:s|'s|’s)?"

# words for a post without saying which ("took the helm", "the job"): they show a change is about a role
GENERIC_ROLES = ("helm", "job", "post", "position", "role", "top job", "reins", "leadership", "seat")

# German-style closed compounds ("Gründungschefredakteur"): a word ending in a role word has that role
COMPOUND_SUFFIXES = False

# a governing body, not a post, when written with an article ("the board decided"): "the board" acts
BODY_WORDS = ("board", "board of directors", "supervisory board", "council", "trustees")
BODY_ARTICLES = ("the", "its", "their", "his", "her", "new", "whole", "entire")
# "a board led by Foo": leading a body is chairing it
# verbs that take a seat on a body: "joined the board" is a board seat, not the board acting
SEAT_VERBS = ("join", "joins", "joined", "joining", "rejoin", "rejoined", "elected to", "appointed to", "named to")
SEAT_VERBS_AFTER = ()
LEAD_WORDS = ("led by", "headed by", "chaired by", "under the leadership of")

# prefixes of a role word that are no organisation ("Co-manager", "Vice-chair"): "Foo-head" compounds
# whose first part is one of these name no organisation
ROLE_PREFIXES = ("co", "vice", "deputy", "ex", "interim", "acting", "assistant", "joint", "sub",
                 # ordinals of a post ("First Minister", "Second Secretary")
                 "first", "second", "third")

# endings a title sheds when a change reports it ("the ministers'" -> "minister"), longest first
CASE_ENDINGS = ("'s", "’s", "s'", "s")
# an English title is reported in lower case ("Home Secretary Foo" -> "home secretary")
TITLE_CASE_AS_WRITTEN = False
# role words that name a post without being its title ("took the helm"): a change reports its canonical role
NOT_TITLES = ("helm", "board seat", "seat on the board", "non-voting board seat")
# a title whose portfolio stands as a word before it ("the fisheries minister", "a forestry minister"): the
# title a change reports takes that word; these words before it are no portfolio
PORTFOLIO_TITLES = ("minister",)
NOT_PORTFOLIOS = ("the", "a", "an", "his", "her", "their", "its", "our", "new", "former", "then", "ex",
                  "outgoing", "incoming", "late", "previous", "acting", "interim", "caretaker", "senior", "junior",
                  "as", "and", "or", "of", "cabinet", "uk", "british", "government", "top", "key", "first", "second", "sole")

# nouns for people who hold no post of leadership ("their candidate, Foo, was sacked", "sacked the striker"):
# a change naming no post of someone the sentence calls so is no change of leadership
NOT_POST_NOUNS = ("candidate", "player", "striker", "midfielder", "defender", "goalkeeper", "winger", "footballer",
                  "actor", "actress", "singer")
