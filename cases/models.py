"""Taxonomies, award cycles, innovation cases and what hangs off them.

Models are thin: they carry data and the constraints the database can enforce. Every write that
matters goes through ``cases/services.py``; state transitions through ``cases/workflow.py``."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.limits import (
    ATTACHMENT_MAX_BYTES,
    DESCRIPTION_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
)
from governments.models import TIER_ORDER, Tier

from .uploads import EXTENSIONS


def _korean() -> bool:
    return (get_language() or "en").startswith("ko")


class LocalizedText(str):
    """A text shown on a page: the page's language version, or the other one when it has none.

    ``lang`` is the language the text is in; ``fallback`` is true when that is not the page's language,
    so that templates mark it (``lang`` attribute) and say so (practices/templatetags/bilingual.py)."""

    lang: str
    fallback: bool

    def __new__(cls, value: str, lang: str, fallback: bool = False) -> LocalizedText:
        text = super().__new__(cls, value)
        text.lang = lang
        text.fallback = fallback
        return text

    def __getnewargs__(self) -> tuple[str, str, bool]:
        # Pickling (the page cache) must rebuild it with its language.
        return str(self), self.lang, self.fallback


def localized(english: str, korean: str) -> LocalizedText:
    """The text in the request's language, falling back to the other one when empty.

    Every user-written text comes in a pair: ``x`` in English and ``x_local`` in Korean (the
    convention of the whole schema: governments, taxonomies, cycles, criteria, cases)."""
    english, korean = english or "", korean or ""
    if _korean():
        return LocalizedText(korean, "ko") if korean else LocalizedText(english, "en", fallback=bool(english))
    return LocalizedText(english, "en") if english else LocalizedText(korean, "ko", fallback=bool(korean))


# --- Taxonomies -------------------------------------------------------------------------------


class Taxonomy(models.Model):
    """A managed list with a stable code (used as API and statistics key) and names in both languages."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name (English)"), max_length=120)
    name_local = models.CharField(_("name (Korean)"), max_length=120)
    description = models.TextField(_("description (English)"), blank=True)
    description_local = models.TextField(_("description (Korean)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name, self.name_local)


class Purpose(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("purpose")
        verbose_name_plural = _("purposes")


class ObstacleType(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("obstacle type")
        verbose_name_plural = _("obstacle types")


class RemedyType(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("remedy type")
        verbose_name_plural = _("remedy types")


class ParticipantKind(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("participant kind")
        verbose_name_plural = _("participant kinds")


class ServiceArea(Taxonomy):
    """The public service a case improves (welfare, health, …): the study warned that ICT-heavy awards
    miss services "mostly found in welfare programs"."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")


class OutcomeKind(Taxonomy):
    """What kind of result an outcome is (cost or time saved, … democratic practice, human rights):
    the study found the latter "rarely presented as outcomes"."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("outcome kind")
        verbose_name_plural = _("outcome kinds")


class JargonTerm(Taxonomy):
    """A term of management jargon (BPR, TQM, MBO, …) that reviewers should see substantiated: the
    study found such terms "used profusely without substantiation". ``name`` and ``name_local`` are
    matched in case texts, and so is every line of ``variants``."""

    variants = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_("One per line, in either language (abbreviations too, e.g. BPR)."),
    )

    class Meta(Taxonomy.Meta):
        verbose_name = _("jargon term")
        verbose_name_plural = _("jargon glossary")

    def spellings(self) -> list[str]:
        found = [self.name, self.name_local, *self.variants.splitlines()]
        return [text.strip() for text in found if text.strip()]


# --- Award cycles -----------------------------------------------------------------------------


class CycleState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for submissions")
    REVIEWING = "reviewing", _("Reviewing")
    DECIDING = "deciding", _("Deciding")
    PUBLISHED = "published", _("Published")


class AwardCycle(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title (English)"), max_length=200)
    title_local = models.CharField(_("title (Korean)"), max_length=200)
    submission_opens = models.DateTimeField(_("submissions open"))
    submission_closes = models.DateTimeField(_("submissions close"))
    review_deadline = models.DateField(_("review deadline"))
    state = models.CharField(_("state"), max_length=12, choices=CycleState.choices, default=CycleState.DRAFT)
    reviews_required = models.PositiveSmallIntegerField(_("reviews required per case"), default=3)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("award cycle")
        verbose_name_plural = _("award cycles")
        constraints = [
            models.CheckConstraint(name="cycle_state_valid", condition=Q(state__in=CycleState.values)),
            models.CheckConstraint(
                name="cycle_submission_window_ordered",
                condition=Q(submission_opens__lt=F("submission_closes")),
                violation_error_message=_("Submissions must open before they close."),
            ),
            models.CheckConstraint(name="cycle_reviews_required_positive", condition=Q(reviews_required__gte=1)),
            models.CheckConstraint(
                name="cycle_published_has_date",
                condition=~Q(state=CycleState.PUBLISHED) | Q(published_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.title, self.title_local)


class AwardLevel(models.Model):
    """An award a cycle gives (e.g. grand prize, excellence, merit) and how many cases may get it."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="award_levels")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name (English)"), max_length=120)
    name_local = models.CharField(_("name (Korean)"), max_length=120)
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 is the highest award"))
    quota = models.PositiveSmallIntegerField(_("quota"))

    class Meta:
        ordering = ["cycle", "rank"]
        verbose_name = _("award level")
        verbose_name_plural = _("award levels")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="award_level_code_unique_per_cycle"),
            models.UniqueConstraint(fields=["cycle", "rank"], name="award_level_rank_unique_per_cycle"),
            models.CheckConstraint(name="award_level_quota_positive", condition=Q(quota__gte=1)),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name, self.name_local)


# --- Innovation cases -------------------------------------------------------------------------


class CaseState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    AWARDED = "awarded", _("Awarded")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which the submitted content (and so the tier/population snapshot) exists.
SUBMITTED_STATES = (
    CaseState.SUBMITTED,
    CaseState.IN_REVIEW,
    CaseState.REVISION_REQUESTED,
    CaseState.AWARDED,
    CaseState.NOT_AWARDED,
)


class ParticipationLevel(models.TextChoices):
    """The IAP2 spectrum of public participation, from none to empower."""

    NONE = "none", _("None")
    INFORM = "inform", _("Inform")
    CONSULT = "consult", _("Consult")
    INVOLVE = "involve", _("Involve")
    COLLABORATE = "collaborate", _("Collaborate")
    EMPOWER = "empower", _("Empower")


# The case fields a submitter writes (in the form's sections and through the API). Tier and
# population are a snapshot taken at submission; state, government, cycle and the timestamps belong
# to the workflow.
CASE_CONTENT_FIELDS = (
    "title_local",
    "title",
    "summary_local",
    "summary",
    "description_local",
    "description",
    "purpose",
    "service_area",
    "uses_ict",
    "ict_description_local",
    "ict_description",
    "started_on",
    "champion_local",
    "champion",
    "participation_level",
    "contact_name",
    "contact_email",
    "contact_phone",
)
# What a submitter writes of an outcome; its verification comes from the reviews.
OUTCOME_CONTENT_FIELDS = (
    "kind",
    "indicator_local",
    "indicator",
    "unit_local",
    "unit",
    "baseline",
    "result",
    "evidence_local",
    "evidence",
    "evidence_url",
    "evidence_attachment",
)


class BinaryOrderedTextField(models.TextField):
    """Text compared byte by byte (collation "C" on PostgreSQL; SQLite's default already is)."""

    def db_type(self, connection):
        return 'text COLLATE "C"' if connection.vendor == "postgresql" else super().db_type(connection)


# Indexes of public cases, each a filter of the practices page and the cases API followed by the
# list's order, so that a filtered page is read in order from one index (no sort).
PUBLIC_LIST_INDEXES = {
    "sort": [],
    "tier": ["tier"],
    "ict": ["uses_ict"],
    # Tier and ICT together: the statistics' main pair and the bench's filtered page.
    "tier_ict": ["tier", "uses_ict"],
    "purpose": ["purpose"],
    "participation": ["participation_level"],
    "government": ["government"],
    "region": ["region_code"],
}


class InnovationCase(models.Model):
    cycle = models.ForeignKey(AwardCycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="cases")
    government = models.ForeignKey(
        "governments.LocalGovernment", verbose_name=_("government"), on_delete=models.PROTECT, related_name="cases"
    )
    title = models.CharField(_("title (English)"), max_length=TITLE_MAX_LENGTH, blank=True)
    title_local = models.CharField(_("title (Korean)"), max_length=TITLE_MAX_LENGTH, blank=True)
    summary = models.TextField(_("summary (English)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    summary_local = models.TextField(_("summary (Korean)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    description = models.TextField(_("description (English)"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    description_local = models.TextField(_("description (Korean)"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    purpose = models.ForeignKey(
        Purpose, verbose_name=_("purpose"), on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        verbose_name=_("service area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    uses_ict = models.BooleanField(_("ICT was the major means"), default=False)
    ict_description = models.TextField(_("how ICT was used (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    ict_description_local = models.TextField(_("how ICT was used (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    # Snapshot of the government's tier and population, taken when the case is submitted:
    # statistics use these, so later registry updates do not rewrite history.
    tier = models.CharField(_("tier at submission"), max_length=12, choices=Tier.choices, blank=True)
    population = models.PositiveIntegerField(_("population at submission"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    champion = models.CharField(_("champion (English)"), max_length=200, blank=True, help_text=_("e.g. Mayor"))
    champion_local = models.CharField(_("champion (Korean)"), max_length=200, blank=True, help_text=_("e.g. 시장"))
    participation_level = models.CharField(
        _("citizen participation"), max_length=12, choices=ParticipationLevel.choices, default=ParticipationLevel.NONE
    )
    participant_kinds = models.ManyToManyField(
        ParticipantKind, verbose_name=_("participants"), blank=True, related_name="cases"
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=CaseState.choices, default=CaseState.DRAFT)
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo case not described in the source study")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Kept by the database from the case, its cycle and its government (cases/derived.py), for
    # lists and search that an index can serve: never written by the application.
    cycle_year = models.PositiveSmallIntegerField(default=0, editable=False)
    region_code = models.CharField(max_length=10, blank=True, editable=False)
    is_public = models.BooleanField(default=False, editable=False)
    sort_key = BinaryOrderedTextField(blank=True, editable=False)
    # A glossary term (cases.jargon) in the texts; kept on PostgreSQL only (SQLite counts live).
    uses_jargon = models.BooleanField(default=False, editable=False)
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        # sort_key orders exactly as ("-cycle__year", "government__code", "id").
        ordering = ["sort_key"]
        verbose_name = _("innovation case")
        verbose_name_plural = _("innovation cases")
        indexes = [
            models.Index(fields=["state", "cycle"], name="case_state_cycle_idx"),
            models.Index(fields=["sort_key"], name="case_sort_idx"),
            models.Index(fields=["state", "sort_key"], name="case_state_sort_idx"),
            *(
                models.Index(fields=[*prefix, "sort_key"], name=f"case_public_{name}_idx", condition=Q(is_public=True))
                for name, prefix in PUBLIC_LIST_INDEXES.items()
            ),
        ]
        constraints = [
            models.CheckConstraint(name="case_state_valid", condition=Q(state__in=CaseState.values)),
            models.CheckConstraint(
                name="case_participation_valid", condition=Q(participation_level__in=ParticipationLevel.values)
            ),
            models.CheckConstraint(name="case_tier_valid", condition=Q(tier="") | Q(tier__in=TIER_ORDER)),
            models.CheckConstraint(
                name="case_submitted_has_snapshot",
                condition=~Q(state__in=SUBMITTED_STATES)
                | (
                    ~Q(tier="") & Q(population__isnull=False) & Q(purpose__isnull=False) & Q(submitted_at__isnull=False)
                ),
                violation_error_message=_(
                    "A submitted case needs its purpose and the government's tier and population."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_title or f"#{self.pk}"

    @property
    def display_title(self) -> str:
        return localized(self.title, self.title_local)

    @property
    def display_summary(self) -> str:
        return localized(self.summary, self.summary_local)

    @property
    def display_description(self) -> str:
        return localized(self.description, self.description_local)

    @property
    def display_ict_description(self) -> str:
        return localized(self.ict_description, self.ict_description_local)

    @property
    def display_champion(self) -> str:
        return localized(self.champion, self.champion_local)


class CaseObstacle(models.Model):
    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="obstacles")
    obstacle_type = models.ForeignKey(ObstacleType, verbose_name=_("obstacle"), on_delete=models.PROTECT)
    description = models.TextField(_("how it showed (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    description_local = models.TextField(_("how it showed (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["obstacle_type__order", "id"]
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")
        constraints = [
            models.UniqueConstraint(fields=["case", "obstacle_type"], name="case_obstacle_unique"),
        ]

    def __str__(self) -> str:
        return str(self.obstacle_type)

    @property
    def display_description(self) -> str:
        return localized(self.description, self.description_local)


class CaseRemedy(models.Model):
    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="remedies")
    remedy_type = models.ForeignKey(RemedyType, verbose_name=_("remedy"), on_delete=models.PROTECT)
    description = models.TextField(_("what was done (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    description_local = models.TextField(_("what was done (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["remedy_type__order", "id"]
        verbose_name = _("remedy")
        verbose_name_plural = _("remedies")
        constraints = [
            models.UniqueConstraint(fields=["case", "remedy_type"], name="case_remedy_unique"),
        ]

    def __str__(self) -> str:
        return str(self.remedy_type)

    @property
    def display_description(self) -> str:
        return localized(self.description, self.description_local)


class Verification(models.TextChoices):
    PENDING = "pending", _("Not yet checked")
    VERIFIED = "verified", _("Verified")
    PARTLY = "partly", _("Partly verified")
    NOT_VERIFIED = "not_verified", _("Not verified")


def attachment_path(instance: Attachment, filename: str) -> str:
    # A random name with the extension of the detected type: the original name is kept in the
    # database, never trusted as a path or as the file's type.
    return f"attachments/{instance.case_id}/{uuid.uuid4().hex}{EXTENSIONS.get(instance.content_type, '')}"


class AttachmentKind(models.TextChoices):
    EVIDENCE = "evidence", _("Evidence of outcomes")
    REPORT = "report", _("Report")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other")


class Attachment(models.Model):
    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=12, choices=AttachmentKind.choices, default=AttachmentKind.EVIDENCE)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(name="attachment_kind_valid", condition=Q(kind__in=AttachmentKind.values)),
            models.CheckConstraint(name="attachment_size_limit", condition=Q(size__lte=ATTACHMENT_MAX_BYTES)),
        ]

    def __str__(self) -> str:
        return self.original_name


# Outcomes whose claim comes with evidence (``Outcome.has_evidence`` in a query).
EVIDENCED = ~Q(evidence="") | ~Q(evidence_local="") | ~Q(evidence_url="") | Q(evidence_attachment__isnull=False)


class Outcome(models.Model):
    """A claimed result, with its evidence; the committee's verification is set from the reviews."""

    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.ForeignKey(
        OutcomeKind,
        verbose_name=_("kind of outcome"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
    )
    indicator = models.CharField(_("indicator (English)"), max_length=200, blank=True)
    indicator_local = models.CharField(_("indicator (Korean)"), max_length=200, blank=True)
    unit = models.CharField(_("unit (English)"), max_length=40, blank=True)
    unit_local = models.CharField(_("unit (Korean)"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, null=True, blank=True)
    result = models.DecimalField(_("result"), max_digits=16, decimal_places=2, null=True, blank=True)
    evidence = models.TextField(_("evidence (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    evidence_local = models.TextField(_("evidence (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_attachment = models.ForeignKey(
        Attachment, verbose_name=_("evidence file"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verification = models.CharField(
        _("verification"), max_length=14, choices=Verification.choices, default=Verification.PENDING
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.CheckConstraint(
                name="outcome_verification_valid", condition=Q(verification__in=Verification.values)
            ),
            models.CheckConstraint(name="outcome_has_indicator", condition=~Q(indicator="") | ~Q(indicator_local="")),
        ]

    def __str__(self) -> str:
        return self.display_indicator

    @property
    def display_indicator(self) -> str:
        return localized(self.indicator, self.indicator_local)

    @property
    def display_evidence(self) -> str:
        return localized(self.evidence, self.evidence_local)

    @property
    def display_unit(self) -> str:
        return localized(self.unit, self.unit_local)

    @property
    def has_evidence(self) -> bool:
        """Whether the claim comes with evidence (text, link or file): the substantiation check."""
        texts = self.evidence or self.evidence_local or self.evidence_url
        return bool(texts) or self.evidence_attachment_id is not None

    @property
    def has_baseline_or_evidence(self) -> bool:
        return (
            self.baseline is not None
            or bool(self.evidence or self.evidence_local or self.evidence_url)
            or self.evidence_attachment_id is not None
        )


class CaseEvent(models.Model):
    """Audit trail: every change to a case and every state transition, with who and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        TRANSITION = "transition", _("State changed")
        ATTACHMENT = "attachment", _("Attachment changed")

    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    message = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class RevisionRequest(models.Model):
    """The revision loop as a thread: what the ministry asked to change (who, when, by when) and the
    submitter's answer, or the ministry's withdrawal of the request. One is open at a time; the
    case's state says whether it waits for the answer (``revision_requested``)."""

    class State(models.TextChoices):
        OPEN = "open", _("Awaiting the answer")
        ANSWERED = "answered", _("Answered")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="revision_requests")
    message = models.TextField(_("what should be revised"), max_length=TEXT_MAX_LENGTH)
    respond_by = models.DateField(_("respond by"), null=True, blank=True)
    # Empty only for requests recorded before the thread existed whose event had no actor.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    response = models.TextField(_("response note"), max_length=TEXT_MAX_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for the withdrawal"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("revision request")
        verbose_name_plural = _("revision requests")
        constraints = [
            models.CheckConstraint(
                name="revision_request_state_valid", condition=Q(state__in=["open", "answered", "withdrawn"])
            ),
            models.UniqueConstraint(
                fields=["case"], condition=Q(state="open"), name="revision_request_one_open_per_case"
            ),
            models.CheckConstraint(
                name="revision_request_answered_has_date",
                condition=~Q(state="answered") | Q(answered_at__isnull=False),
            ),
            models.CheckConstraint(
                name="revision_request_withdrawn_has_date",
                condition=~Q(state="withdrawn") | Q(withdrawn_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.requested_at:%Y-%m-%d}"
