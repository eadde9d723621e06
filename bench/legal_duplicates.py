"""Why `LegalDocument.code_key` stays: duplicate detection with and without the column.

    .venv/bin/python bench/legal_duplicates.py [--documents 3000] [--lookups 200]

Saving or importing a document asks "is there already a document with this number (in any
spelling) and this issue date?". Timed two ways over the same library, in a throw-away SQLite
test database: the indexed `code_key` column (one equality lookup), and the search backend
(search the number, keep the same issue date, compare keys in Python), which is what is left
without the column.
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from throwaway_database import throwaway_database  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--lookups", type=int, default=200)
    args = parser.parse_args()
    with throwaway_database():
        from wagtail.search.backends import get_search_backend

        from congdoan.core.text import code_key
        from congdoan.legal.factories import DocumentTypeFactory, IssuerFactory
        from congdoan.legal.models import LegalDocument

        kind, issuer = DocumentTypeFactory(name="Quyết định"), IssuerFactory(name="TLĐ")
        start = datetime.date(2000, 1, 1)
        documents = [
            LegalDocument(
                code=f"{n}/QĐ-TLĐ",
                code_key=code_key(f"{n}/QĐ-TLĐ"),
                slug=f"qd-{n}",
                document_type=kind,
                issuer=issuer,
                summary=f"Quyết định số {n} về công tác công đoàn",
                issued_on=start + datetime.timedelta(days=n % 400),
            )
            for n in range(1, args.documents + 1)
        ]
        created = LegalDocument.objects.bulk_create(documents)
        get_search_backend().add_bulk(LegalDocument, created)
        probes = [
            (f"{n} qđ tlđ", start + datetime.timedelta(days=n % 400))
            for n in range(1, args.lookups + 1)
        ]

        def by_column(code, day):
            return LegalDocument.objects.filter(code_key=code_key(code), issued_on=day).exists()

        def by_backend(code, day):
            found = get_search_backend().search(code, LegalDocument.objects.filter(issued_on=day))
            return any(code_key(document.code) == code_key(code) for document in found)

        for name, function in (("code_key column", by_column), ("search backend", by_backend)):
            samples = []
            for code, day in probes:
                began = time.perf_counter()
                assert function(code, day)
                samples.append((time.perf_counter() - began) * 1000)
            print(
                f"{name:16} n={len(samples)} median={statistics.median(samples):.2f} ms"
                f"  max={max(samples):.2f} ms"
            )


if __name__ == "__main__":
    main()
