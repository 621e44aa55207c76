"""Following news sources: feeds and their article pages over HTTP (politely), and WARC crawl archives.

``fetch`` is the HTTP client (timeouts, size limit, bounded redirects, robots.txt, one request at a time
per host), ``feeds`` reads RSS/Atom feeds and source lists, ``warc`` reads crawl archives, ``state`` keeps
what was fetched in the store, and ``watch`` runs the rounds.
"""
