"""`manage.py backup`: one archive of the database and the media, then optional retention."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from congdoan.backups.archive import create_backup, prune


class Command(BaseCommand):
    help = "Write the database and media files to one checked archive in BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", type=Path, default=None)
        parser.add_argument("--keep", type=int, help="keep only the newest N archives")
        parser.add_argument("--keep-days", type=int, help="delete archives older than N days")
        parser.add_argument(
            "--prune",
            dest="apply_retention",
            action="store_true",
            help="apply BACKUP_KEEP and BACKUP_KEEP_DAYS (the scheduled daily run)",
        )

    def handle(self, *args, output_dir, keep, keep_days, apply_retention: bool, **options):
        folder = output_dir or Path(settings.BACKUP_DIR)
        if apply_retention:
            keep = keep if keep is not None else settings.BACKUP_KEEP
            keep_days = keep_days if keep_days is not None else settings.BACKUP_KEEP_DAYS
        if (keep is not None and keep < 1) or (keep_days is not None and keep_days < 1):
            raise CommandError("--keep and --keep-days must be at least 1")
        try:
            archive = create_backup(folder)
        except Exception as error:
            raise CommandError(f"backup failed: {error}") from error
        self.stdout.write(str(archive))
        if keep is not None or keep_days is not None:
            for removed in prune(folder, keep=keep, keep_days=keep_days):
                self.stdout.write(f"removed {removed}")
