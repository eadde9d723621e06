from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from congdoan.news.importing import export_articles


class Command(BaseCommand):
    help = (
        "Export every published article as JSON Lines, in the format import_articles reads; "
        "cover images are copied into a folder next to the output."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="JSONL file to write (default: standard output)")
        parser.add_argument(
            "--images-dir",
            help="folder for the cover images (default: <output name>_images next to the output)",
        )

    def handle(self, *args, **options):
        output = options["output"]
        base_dir = Path(output).resolve().parent if output else Path.cwd()
        default_images = f"{Path(output).stem}_images" if output else "articles_images"
        images_dir = Path(options["images_dir"] or base_dir / default_images).resolve()
        if not output:
            export_articles(self.stdout, base_dir, images_dir)
            return
        try:
            base_dir.mkdir(parents=True, exist_ok=True)
            with open(output, "w", encoding="utf-8") as stream:
                count = export_articles(stream, base_dir, images_dir)
        except OSError as error:
            raise CommandError(
                _("Cannot write the export: %(reason)s") % {"reason": error}
            ) from None
        message = _("Exported %(count)d articles to %(path)s.") % {"count": count, "path": output}
        self.stderr.write(message)
