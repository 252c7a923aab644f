"""Fill the database with synthetic articles for benchmarks: see ``demo.synthetic``."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo import synthetic


class Command(BaseCommand):
    help = (
        "Add synthetic authors, topics and published articles (slugs start with 'gen-') for "
        "load tests. Clears what an earlier run made first, so a rerun replaces it; "
        "--resume instead carries on where an interrupted run stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--authors", type=int, default=50)
        parser.add_argument("--topics", type=int, default=100)
        parser.add_argument("--images", type=int, default=40)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Carry on after the last batch an interrupted run committed (same sizes and seed).",
        )

    def handle(self, *args, articles, authors, topics, images, seed, resume, **options):
        if articles < 0 or authors < 1 or topics < 1 or images < 0:
            raise CommandError("Give at least one author and one topic, and no negative counts.")
        started = time.monotonic()
        if not resume:
            self.stdout.write("Clearing earlier generated content…")
            synthetic.clear()
        try:
            total = synthetic.generate(
                articles=articles,
                authors=authors,
                topics=topics,
                images=images,
                seed=seed,
                resume=resume,
                progress=self.progress,
            )
        except ValueError as error:
            raise CommandError(error) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Made {total:,} articles ({articles:,} published), {authors:,} authors and "
                f"{topics:,} topics in {time.monotonic() - started:.0f} s."
            )
        )

    def progress(self, done, total, what):
        self.stdout.write(f"\r{what:>12} {synthetic.bar(done, total)}", ending="")
        if done == total:
            self.stdout.write("")
        self.stdout.flush()
