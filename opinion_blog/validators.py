"""One rule for single-line text: names, titles, standfirsts, captions, credits, alt texts, topics.

Such a value is shown inside a line of something else (a byline, a heading, an
email's subject or body, JSON-LD, a feed's title), so a line break or another
control character in it could start a new line there (``\\r\\nBcc: …``). The model
fields carry ``single_line`` as a validator, so every form built from them, and
every write path that validates like a form, refuses such a value with a clear
message. ``one_line`` flattens text from elsewhere (stored before this rule, or
built from several values) wherever a single line is required, e.g. in emails.
"""

import re

from django.core.exceptions import ValidationError

# C0 and C1 control characters (CR, LF, tab, NUL, ESC…), DEL, and Unicode's line and
# paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def single_line(value):
    """Refuse line breaks, tabs and other control characters."""
    if value and CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(
            "Keep this to a single line: remove line breaks, tabs and other control characters.",
            code="control_characters",
        )


def one_line(text):
    """``text`` with every control character and run of spaces made one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(text or "")).split())
