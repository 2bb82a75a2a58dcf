"""Rules of the pages that read across apps."""

from accounts.permissions import is_manager
from core.rules import rule

rule("innovation.view_audit", is_manager)
