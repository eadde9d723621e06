"""The second search quality set: how readers of a union portal really type.

`corpus.json` holds 87 union and labour news articles (title, sapo, body, section, date) with
near-duplicates (the same story in another province or year) and distractors (the same words in
another sense: "2%" of a tax, "ca" of a singer, "Lao Động" the newspaper). `queries.json` holds
queries in these categories, each with exactly one wanted article:

- `abbreviation`: BHXH, LĐLĐ, KCN… typed for spelled-out text, or spelled out for abbreviated text;
- `telex`, `vni`: raw keystrokes typed with the input method off;
- `typo`: a letter missing, doubled or swapped in a word of four letters or more;
- `question`: plain-language questions;
- `body`: words only in the body, telling one of several near-duplicates from the others;
- `synonym`: everyday words for what the text says otherwise (nghỉ đẻ / nghỉ thai sản);
- `number`: amounts, dates and years as typed (4,96 triệu, 01/07/2025, 2%, nam 2025);
- `plain`: ordinary queries with and without marks, and a pair only the date tells apart
  (the newer article must come first).

The set was written from what readers search for, not from any implementation; it is not to be
tuned to a search engine's failures.
"""

from pathlib import Path

HERE = Path(__file__).parent
CATEGORIES = (
    "abbreviation",
    "telex",
    "vni",
    "typo",
    "question",
    "body",
    "synonym",
    "number",
    "plain",
)
