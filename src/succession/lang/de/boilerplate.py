"""German lines that are not article content (see succession.lang.en.boilerplate)."""

LINE_PATTERNS = (
    r"siehe auch\b.*", r"lesen sie (auch|mehr)\b.*", r"mehr zum thema\b.*", r"weitere artikel\b.*",
    r"das könnte sie auch interessieren.*", r"(jetzt )?(den )?newsletter\b.*", r".*\bnewsletter (abonnieren|bestellen)\b.*",
    r"(jetzt )?abonnieren\b.*", r"artikel teilen.*", r"teilen (auf|per)\b.*", r"anzeige", r"werbung",
    r"kommentar(e)? (schreiben|verfassen|abgeben).*", r"hinterlassen sie einen kommentar.*",
    r"ihre e-?mail-?adresse wird nicht veröffentlicht.*", r"erforderliche felder sind.*",
    r"alle rechte vorbehalten.*", r"©.*", r"folgen sie uns\b.*", r"(ursprünglicher|original) ?-?link\b.*",
    r".*\|\s*(ursprünglicher|original) ?-?link.*", r"willkommen (beim|im|auf dem) offiziellen\b.*",
    r"quelle\s*:.*", r"foto\s*:.*", r"bild\s*:.*", r"cookie-?(einstellungen|richtlinie).*",
    r"wir verwenden cookies\b.*", r"zum (vorherigen|nächsten) artikel.*", r"schlagworte?\s*:.*",
    r"drucken\s*\|?\s*e-?mail.*", r"empfohlene artikel", r"meistgelesen",
)

# a line with these is an image caption ("X (links) mit Y (rechts)"), never the article's title
CAPTION_MARKERS = (r"\((links|rechts|mitte|l\.|r\.)\)", r"^(foto|bild|quelle)\s*:", r"\bim bild\b")
