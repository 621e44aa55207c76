#!/usr/bin/env python3
"""Write the country names succession places national offices in (``src/succession/resources/countries.json``).

The names are CLDR's territory names in each supported language, read through Babel (CLDR data: Unicode
licence), for every two-letter region code. A head of state or a prime minister holds the post in a
country (``../shared/gold/README.md``); this list lets the engine tell a country among the places an
article names. Other common forms ("UK", "Weißrussland") are language data (``lang/<code>/orgs.py``).

    .venv/bin/python scripts/build_countries.py [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from succession.lang import SUPPORTED  # noqa: E402

# codes of CLDR's groupings and private-use regions, which are no country
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})


def countries(lang: str) -> list[str]:
    from babel import Locale

    names = Locale(lang).territories
    return sorted({v for k, v in names.items() if len(k) == 2 and k.isalpha() and k not in NOT_COUNTRIES})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "src" / "succession" / "resources" / "countries.json")
    a = ap.parse_args()
    import babel

    data = {"source": f"CLDR territory names via Babel {babel.__version__} (Unicode licence)",
            **{lang: countries(lang) for lang in SUPPORTED}}
    a.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({', '.join(f'{lang}: {len(data[lang])}' for lang in SUPPORTED)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
