#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opinion_blog.settings")
    from django.core.management import execute_from_command_line

    from opinion_blog.startup import one_line_errors

    # A bad DATABASE_URL, an unreachable database or a weak key: one line and exit 1.
    with one_line_errors(sys.argv):
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
