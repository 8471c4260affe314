"""The target tracker: claims in, tracked targets out. Pure (no database, no CLI).

`build_targets(claims, today=...)` groups target claims into commitments, relates them (milestone, revision,
conflict), attaches observations with their vintages and computes the status on two axes with its history;
`status_on(target, date)` answers "what did we know on that date". Rules: docs/targets.md.
"""

from extract.targets.build import TARGET_FIELDS, build_targets
from extract.targets.status import PROGRESS_STATUSES, status_on

__all__ = ["TARGET_FIELDS", "PROGRESS_STATUSES", "build_targets", "status_on"]
