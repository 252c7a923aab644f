from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup, prune


class Command(BaseCommand):
    help = (
        "Write the database and every uploaded file into one timestamped archive, with a "
        ".sha256 checksum beside it (README: Backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", dest="directory", default="var/backups", help="Folder for the archive."
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="After a successful backup, keep only this many newest archives (0: keep all).",
        )

    def handle(self, *args, directory, keep=0, **options):
        try:
            archive = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = archive.stat().st_size
        self.stdout.write(f"Backup written: {archive} ({size / 1_000_000:.1f} MB)")
        self.stdout.write(f"Checksum: {archive}.sha256 (check with: sha256sum -c)")
        for old in prune(directory, keep):
            self.stdout.write(f"Removed an older backup: {old}")
