"""Who keeps and signs the figures: regions (Pemerintah Daerah), their agencies (perangkat daerah) and the
former names those carried, and the officials who sign."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kinerja.core.checks import nip_problem


def validate_nip(value: str) -> None:
    """NIP: 18 digits; the first 8 are the birth date (YYYYMMDD). The rule lives in the core."""
    problem = nip_problem(value)
    if problem:
        raise ValidationError(problem, code="nip")


# Path segments the site uses at the root and below a region: a region or agency with such a slug would be
# hidden behind the site's own page (tests/web/test_slugs.py checks these against the URL patterns).
ROOT_PATHS = frozenset({"masuk", "kelola", "keluar", "i18n", "static", "indikator", "impor", "api", "kerja",
                        "bukti", "nasional"})  # fmt: skip
REGION_PATHS = frozenset({"wilayah", "rpjmd", "buku", "papan", "pencilan", "data-terbuka"})


def free_slug(name: str, taken, reserved: frozenset[str], fallback: str) -> str:
    """A slug for ``name`` that no other record in its scope has (``taken``: a queryset of those records)
    and that no page of the site uses: 'dinas-koperasi-umkm', else 'dinas-koperasi-umkm-2', …; ``fallback``
    for a name without any letter or digit kinerja can put in an address."""
    base = slugify(name)[:190].strip("-") or fallback
    slug, number = base, 1
    while slug in reserved or taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def refuse_reserved(slug: str, reserved: frozenset[str]) -> None:
    if slug in reserved:
        raise ValidationError({"slug": _("Alamat '%(slug)s' dipakai halaman kinerja sendiri; pilih yang lain.")
                               % {"slug": slug}})  # fmt: skip


def latest_signed_year(which: Q) -> int | None:
    """The latest year, among the agency years ``which`` selects, that was submitted, approved or published:
    the last one whose documents were signed."""
    from django.apps import apps  # AgencyYear is one of the models kept in models.py, which imports this file

    AgencyYear = apps.get_model("performance", "AgencyYear")
    signed = AgencyYear.objects.filter(which).exclude(
        Q(status__in=[AgencyYear.Status.DRAFT, AgencyYear.Status.RETURNED]) & Q(published_at__isnull=True)
    )
    return signed.order_by("-year").values_list("year", flat=True).first()


YEARS = [MinValueValidator(2000, _("Tahun paling awal 2000.")), MaxValueValidator(2100, _("Tahun paling akhir 2100."))]


class KeepsFormerNames:
    """A region or an agency that was renamed (a Kabupaten that became a Kota, a reorganisation of agencies,
    SOTK) keeps its former names (``former_names``, a FormerName each) on the years already signed."""

    def signed_years(self) -> Q:
        """The agency years whose documents carry this name."""
        raise NotImplementedError

    def keep_former_name(self, former: str) -> None:
        """Keep ``former`` on the years already signed: up to the latest year submitted or published, unless a
        former name already covers it (one the admin typed with the rename). Called by the admin page once
        its former names are saved."""
        if former == self.name:
            return
        latest = latest_signed_year(self.signed_years())
        if latest is not None and not self.former_names.filter(until_year__gte=latest).exists():
            self.former_names.create(until_year=latest, name=former)

    def name_in(self, year: int) -> str:
        """The name printed on the documents of ``year``: the former name that year, else the current name.
        Reads ``former_names`` once, or from a prefetch."""
        for former in self.former_names.all():  # ordered by until_year
            if year <= former.until_year:
                return former.name
        return self.name


class FormerName(models.Model):
    """A name held up to and including a year, before a rename: the documents of those years are printed
    under it, as they were signed."""

    until_year = models.PositiveSmallIntegerField(_("dipakai sampai tahun"), validators=YEARS)
    name = models.CharField(_("nama lama"), max_length=200)

    class Meta:
        abstract = True
        ordering = ["until_year"]

    def __str__(self) -> str:
        return f"{self.name} (sampai {self.until_year})"


class Region(KeepsFormerNames, models.Model):
    """A Pemerintah Daerah: Kabupaten, Kota or Provinsi."""

    name = models.CharField(_("nama"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    head = models.ForeignKey(
        "Official",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kepala daerah (pihak kedua Perjanjian Kinerja)"),
    )
    sign_place = models.CharField(
        _("tempat penandatanganan"),
        max_length=100,
        blank=True,
        help_text=_("dipakai bila perangkat daerah tidak mengisinya"),
    )
    province = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regencies",
        verbose_name=_("provinsi"),
        help_text=_("provinsi tempat kabupaten/kota ini berada"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or free_slug(self.name, Region.objects.exclude(pk=self.pk), ROOT_PATHS, "daerah")
        before = Region.objects.filter(pk=self.pk).values_list("slug", flat=True).first() if self.pk else None
        super().save(*args, **kwargs)
        FormerAddress.keep(self, before)

    def clean(self):
        refuse_reserved(self.slug, ROOT_PATHS)
        if self.head_id is not None and self.head.region_id != self.pk:
            raise ValidationError({"head": _("Kepala daerah harus pejabat pemerintah daerah ini.")})

    def signed_years(self) -> Q:
        return Q(agency__region=self)

    @property
    def is_province(self) -> bool:
        return self.name.lower().startswith("provinsi")

    def head_in(self, year: int):
        """The head of region (bupati, wali kota, gubernur) of ``year``, who is the second party of that year's
        Perjanjian Kinerja and signs the region's Pengukuran Kinerja: a former head (FormerHead) up to the last
        year they served, else the current one; None when none is recorded. Both carry name, title, rank and
        NIP. Reads ``former_heads`` once, or from a prefetch."""
        for former in self.former_heads.all():  # ordered by until_year
            if year <= former.until_year:
                return former
        return self.head

    def keep_former_head(self, former: Official | None) -> None:
        """A new head of region leaves the years already signed to the former one: up to the latest year any
        of the region's agencies submitted or published, unless a former head already covers it (one the admin
        typed with the change). Called by the region's admin page once its former heads are saved."""
        if former is None or former.pk == self.head_id:
            return
        latest = latest_signed_year(self.signed_years())
        if latest is not None and not self.former_heads.filter(until_year__gte=latest).exists():
            FormerHead.objects.create(
                region=self, until_year=latest, name=former.name, title=former.title, rank=former.rank, nip=former.nip
            )


class RegionName(FormerName):
    """A name the region had up to a year: a Kabupaten that became a Kota prints its former name on the
    years signed before."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="former_names")

    class Meta(FormerName.Meta):
        verbose_name = _("nama lama pemerintah daerah")
        verbose_name_plural = _("nama lama pemerintah daerah")
        constraints = [models.UniqueConstraint(fields=["region", "until_year"], name="region_name_per_year")]


class Agency(KeepsFormerNames, models.Model):
    """A perangkat daerah (formerly SKPD)."""

    class DateRule(models.TextChoices):
        APPROVAL = "approval", _("tanggal persetujuan")
        CHOSEN = "chosen", _("tanggal yang dipilih kepala saat menyetujui")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(_("nama"), max_length=200)
    slug = models.SlugField(max_length=200)
    sign_place = models.CharField(
        _("tempat penandatanganan"), max_length=100, blank=True, help_text=_("kosong: tempat pemerintah daerah")
    )
    sign_date_rule = models.CharField(
        _("tanggal penandatanganan"), max_length=10, choices=DateRule.choices, default=DateRule.APPROVAL
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="agency_unique_name"),
            models.UniqueConstraint(fields=["region", "slug"], name="agency_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            taken = Agency.objects.filter(region_id=self.region_id).exclude(pk=self.pk)
            self.slug = free_slug(self.name, taken, REGION_PATHS, "perangkat-daerah")
        before = Agency.objects.filter(pk=self.pk).values_list("slug", flat=True).first() if self.pk else None
        super().save(*args, **kwargs)
        FormerAddress.keep(self, before)
        # its officials belong to its region (Official.region): an agency moved before it kept any data takes them
        self.officials.exclude(region_id=self.region_id).update(region_id=self.region_id)

    def signed_years(self) -> Q:
        return Q(agency=self)

    def clean(self):
        refuse_reserved(self.slug, REGION_PATHS)


class AgencyName(FormerName):
    """A name the agency had up to a year, before a reorganisation renamed it."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="former_names")

    class Meta(FormerName.Meta):
        verbose_name = _("nama lama perangkat daerah")
        verbose_name_plural = _("nama lama perangkat daerah")
        constraints = [models.UniqueConstraint(fields=["agency", "until_year"], name="agency_name_per_year")]


class Official(models.Model):
    """A person who signs: an agency's official (its head, a kepala bidang …), or an official of the region
    itself (bupati, wali kota, sekretaris daerah), who belongs to no agency. Either way the official belongs
    to one region: an agency's officials to the agency's region, kept in step on save."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="officials", null=True, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="officials",
        null=True,
        blank=True,
        verbose_name=_("pemerintah daerah"),
        help_text=_(
            "untuk pejabat daerah tanpa perangkat daerah (bupati, wali kota, sekretaris daerah); pejabat "
            "perangkat daerah mengikuti perangkat daerahnya"
        ),
    )
    name = models.CharField(_("nama"), max_length=200)
    title = models.CharField(_("jabatan"), max_length=200, blank=True)
    rank = models.CharField(_("pangkat"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])
    grade = models.CharField(_("golongan"), max_length=10, blank=True, help_text=_("mis. IV/c"))
    eselon = models.CharField(_("eselon"), max_length=6, blank=True, help_text=_("mis. II.b, III.a, IV.a"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officials",
        verbose_name=_("akun pengguna"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.agency_id is not None:  # an agency's official belongs to the agency's region
            self.region_id = self.agency.region_id
        super().save(*args, **kwargs)

    def clean(self):
        if self.agency_id is None and self.region_id is None:
            raise ValidationError(
                _(
                    "Pilih perangkat daerah pejabat ini, atau pemerintah daerahnya bila ia pejabat daerah (bupati, "
                    "wali kota, sekretaris daerah)."
                )  # fmt: skip
            )
        if self.agency_id is not None and self.region_id is not None and self.agency.region_id != self.region_id:
            raise ValidationError({"region": _("Perangkat daerah itu milik pemerintah daerah lain.")})

    def serves(self, agency: Agency) -> bool:
        """Whether the official may be a party of the agency's documents: one of its own officials, or an
        official of its region who belongs to no agency (the bupati as second party)."""
        if self.agency_id is not None:
            return self.agency_id == agency.pk
        return self.region_id == agency.region_id

    @property
    def nip_display(self) -> str:
        n = self.nip
        return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}" if len(n) == 18 else n

    def as_signed(self) -> dict:
        """The signature block as a year keeps it (AgencyYear.signer)."""
        return {"name": self.name, "nip": self.nip, "rank": self.rank, "title": self.title}


class FormerHead(models.Model):
    """A head of region before the current one and the last year they served: the region's documents of those
    years (Perjanjian Kinerja as second party, Pengukuran Kinerja of the RPJMD) name them, as they were
    signed. The signature block is kept as it was, not as a link to an official's record that changes."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="former_heads")
    until_year = models.PositiveSmallIntegerField(_("menjabat sampai tahun"), validators=YEARS)
    name = models.CharField(_("nama"), max_length=200)
    title = models.CharField(_("jabatan"), max_length=200, blank=True, help_text=_("mis. Bupati Banjar"))
    rank = models.CharField(_("pangkat"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])

    class Meta:
        ordering = ["until_year"]
        verbose_name = _("kepala daerah terdahulu")
        verbose_name_plural = _("kepala daerah terdahulu")
        constraints = [models.UniqueConstraint(fields=["region", "until_year"], name="former_head_per_year")]

    def __str__(self) -> str:
        return f"{self.name} (sampai {self.until_year})"


class FormerAddress(models.Model):
    """An address (slug) a region or an agency had before an admin changed it. Links already shared to its
    pages (a published year's page, its PDF, the open data) lead to the page at the new address
    (kinerja.web.performance.addresses). A current address always wins over a former one."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, blank=True, related_name="former_addresses")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="former_addresses")
    slug = models.SlugField(_("alamat lama"), max_length=200)
    left_at = models.DateTimeField(_("ditinggalkan"), auto_now_add=True)

    class Meta:
        ordering = ["-left_at", "-id"]
        verbose_name = _("alamat lama")
        verbose_name_plural = _("alamat lama")
        constraints = [
            models.CheckConstraint(
                condition=Q(region__isnull=False, agency__isnull=True) | Q(region__isnull=True, agency__isnull=False),
                name="former_address_of_one",
            )
        ]

    def __str__(self) -> str:
        return self.slug

    @staticmethod
    def keep(owner: Region | Agency, before: str | None) -> None:
        """Called by Region.save and Agency.save: the address ``owner`` had ``before`` the save is kept when it
        changed; an address taken back is current again, no longer a former one."""
        field = "region" if isinstance(owner, Region) else "agency"
        if before is None or before == owner.slug:
            return
        FormerAddress.objects.filter(**{field: owner}, slug__in=[before, owner.slug]).delete()
        FormerAddress.objects.create(**{field: owner}, slug=before)
