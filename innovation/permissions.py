"""Rules of the pages that read across apps."""

from accounts.permissions import manager
from core.rules import rule

rule("innovation.view_audit", manager)
