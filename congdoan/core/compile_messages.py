"""Compile every app's .po catalogs to .mo with Babel, so no GNU gettext is needed to run.

Each app keeps its own catalog in `congdoan/<app>/locale/vi/LC_MESSAGES/`; the project-level
catalog completing Wagtail's Vietnamese admin is `congdoan/locale/vi/LC_MESSAGES/`.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PROJECT_DIR = Path(__file__).resolve().parent.parent


def catalogs(project_dir: Path = PROJECT_DIR) -> list[Path]:
    """Every app's catalogs and the project-level ones (LOCALE_PATHS)."""
    return sorted(
        [
            *project_dir.glob("*/locale/*/LC_MESSAGES/*.po"),
            *project_dir.glob("locale/*/LC_MESSAGES/*.po"),
        ]
    )


def compile_all(project_dir: Path = PROJECT_DIR) -> list[Path]:
    compiled = []
    for po_path in catalogs(project_dir):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            # The locale gives Babel the language's plural rule (Vietnamese has one form).
            catalog = read_po(po_file, locale=po_path.parts[-3])
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path}")
