"""The person's drive: detect it (pyudev), mount it safely, write and verify the bundle,
eject it — with one status and one staff sentence for every outcome."""

from nextstep.drives.status import DriveError, DriveStatus, sentence
from nextstep.drives.target import DriveTarget, WriteReport, open_target

__all__ = ["DriveError", "DriveStatus", "DriveTarget", "WriteReport", "open_target", "sentence"]
