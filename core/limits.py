"""Sizes of what people may send, defined once: models, forms, serializers, upload checks and the
messages that name them all read these."""

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024  # 10 MB per file
ATTACHMENT_MAX_MB = ATTACHMENT_MAX_BYTES // (1024 * 1024)

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 1000
DESCRIPTION_MAX_LENGTH = 20000
# An item described in a few paragraphs: an obstacle, a remedy, evidence, a review comment, a rationale.
TEXT_MAX_LENGTH = 4000
# A short note: a citizen's comment, a reason for withdrawing, a reviewer's note on one outcome.
NOTE_MAX_LENGTH = 2000
