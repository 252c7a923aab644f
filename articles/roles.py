"""The newsroom's groups. Their permissions are set by migration 0002_newsroom_groups.

Administrators are superusers and need no group.
"""

COLUMNISTS = "Columnists"
EDITORS = "Editors"
