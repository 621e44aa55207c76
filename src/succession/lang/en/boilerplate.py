"""Lines that are not article content, as general patterns (regular expressions, case-insensitive,
matched against a whole stripped line)."""

LINE_PATTERNS = (
    r"see also\b.*", r"related( articles| stories| posts)?\s*:.*", r"read (more|also|next)\b.*",
    r"leave a (reply|comment)\b.*", r"your email address will not be published.*", r"required fields are marked.*",
    r"(post|submit) (a )?comment.*", r"comments?\s*\(?\d*\)?", r"name\s*\*?\s*email\s*\*?.*",
    r"(subscribe|sign up)\b.*(newsletter|updates|inbox|free).*", r".*\bnewsletter\b.*\b(subscribe|sign up)\b.*",
    r"share (this|on|via)\b.*", r"(click|tap) here\b.*", r"advertisement", r"sponsored( content)?",
    r"all rights reserved.*", r"©.*", r"copyright \d{4}.*", r"follow us on\b.*", r"(original|source) link\b.*",
    r".*\|\s*(original|source) link.*", r"welcome to (the|our) official\b.*", r"cookie(s)? (policy|settings).*",
    r"we use cookies\b.*", r"accept (all )?cookies.*", r"print\s*\|?\s*e-?mail.*", r"tags?\s*:.*",
    r"(previous|next) (article|post)\b.*", r"photo(graph)?\s*:.*", r"image (source|credit)\s*:.*",
    r"listen to (this|the) article.*", r"recommended( for you)?", r"trending( now)?", r"most (read|popular)",
)

# a line with these is an image caption ("X (left) with Y (right)"), never the article's title
CAPTION_MARKERS = (r"\((left|right|centre|center|pictured|l\.|r\.)\)", r"^(photo|image|picture)\s*:", r"\bpictured\b")
