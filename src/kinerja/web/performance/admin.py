"""The admin site, for the admin role: users and roles, regions, agencies, officials, entry windows.
The audit trail is shown read-only: nobody can add, change or delete it here."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.core.categories import ScaleError, describe_scale, parse_scale, scale_text

from . import audit, scales
from .access import is_admin, is_superuser
from .admin_base import (
    AdminOnlyInline,
    AdminRoleOnly,
    AuditedAdmin,
    DeletedOneAtATime,
    KeepsWhatItHolds,
    NotEnteredHere,
    accounts_of,
    holdings,
)
from .models import (
    Agency,
    AgencyName,
    AuditEvent,
    CategoryScale,
    EntryWindow,
    FormerAddress,
    FormerHead,
    LoginThrottle,
    Membership,
    Official,
    PlanPeriod,
    Region,
    RegionName,
    Sasaran,
    WindowReopening,
)


class KinerjaAdminSite(admin.AdminSite):
    site_header = "kinerja — pengelolaan"
    site_title = "kinerja"

    def has_permission(self, request):
        return request.user.is_active and is_admin(request.user)

    def login(self, request, extra_context=None):
        """Django's admin login with kinerja's login throttle (the same counts as /masuk/)."""
        from django.contrib.admin.forms import AdminAuthenticationForm
        from django.contrib.auth import REDIRECT_FIELD_NAME
        from django.http import HttpResponseRedirect
        from django.urls import reverse

        from .login import ThrottledAdminLoginView

        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": "Masuk",
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return ThrottledAdminLoginView.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)


site = KinerjaAdminSite(name="kelola")


class FormerHeadInline(AdminOnlyInline):
    """Former heads of region and the last year each served, with the signature block as it was: the
    region's documents of those years name them. Changing the head adds one for the years already signed;
    here it can be corrected."""

    model = FormerHead
    fields = ("until_year", "name", "title", "rank", "nip")


class RegionNameInline(AdminOnlyInline):
    """Former names of the region and the last year each was used (a Kabupaten that became a Kota): the
    documents of those years carry it. Renaming the region adds one for the years already signed; here it can
    be corrected."""

    model = RegionName
    fields = ("until_year", "name")


class AgencyNameInline(AdminOnlyInline):
    """Former names of the agency and the last year each was used: the documents of those years carry it.
    Renaming the agency adds one for the years already signed; here it can be corrected."""

    model = AgencyName
    fields = ("until_year", "name")


class FormerAddressInline(AdminOnlyInline):
    """The addresses the region or agency had before: links to them lead to its pages at the current address.
    Changing the address adds one; none is typed here, one may be removed (its links then end in 'not
    found')."""

    model = FormerAddress
    fields = readonly_fields = ("slug", "left_at")

    def has_add_permission(self, request, obj=None):
        return False


# What deleting a record would erase with it (its relations that cascade): an agency or a Renstra that keeps
# any of these is kept, as the trail and the signed years depend on it; one added by mistake may go.
AGENCY_HOLDINGS = (
    ("years", "tahun"), ("indicators", "indikator"), ("sasaran", "sasaran"), ("plans", "Renstra"),
    ("budgets", "anggaran"), ("source_files", "berkas sumber"), ("findings", "temuan"),
    ("agreements", "perjanjian kinerja"), ("evaluations", "evaluasi"), ("renja_rows", "baris Renja"),
    ("renja_evaluations", "evaluasi Renja"), ("validation_rules", "aturan validasi"),
    ("reopenings", "pembukaan kembali jendela entri"),
    # the trail of its data; what the admin pages recorded about the agency itself stays, as the region's
    (lambda agency: agency.audit_events.exclude(origin="kelola"), "peristiwa jejak audit"),
)  # fmt: skip
PLAN_HOLDINGS = (
    ("sasaran", "sasaran"), ("tujuan", "tujuan"), ("end_targets", "target akhir"),
    ("yearly_targets", "target tahunan Renstra"), ("programs", "program"), ("versions", "versi"),
)  # fmt: skip


@admin.register(Region, site=site)
class RegionAdmin(AuditedAdmin):
    region_path = "pk"
    list_display = ("name", "slug", "head")
    search_fields = ("name",)
    inlines = [RegionNameInline, FormerHeadInline, FormerAddressInline]

    def save_related(self, request, form, formsets, change):
        """The former names and heads typed here first, then the ones a rename or a change of head keeps for
        the years already signed."""
        super().save_related(request, form, formsets, change)
        if change and "name" in form.changed_data:
            form.instance.keep_former_name(form.initial["name"])
        if change and "head" in form.changed_data:
            form.instance.keep_former_head(Official.objects.filter(pk=form.initial.get("head")).first())

    def values(self, obj) -> dict:
        head = obj.head
        return {"nama": obj.name, "alamat": obj.slug, "kepala daerah": head.name if head else "",
                "tempat penandatanganan": obj.sign_place,
                "provinsi": obj.province.name if obj.province else ""}  # fmt: skip

    def scope(self, obj, deleting: bool = False) -> dict:
        return {"agency": None, "region": obj.pk, "year": None}

    def has_add_permission(self, request):  # a new region is the installation's decision
        return is_superuser(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_superuser(request.user)


@admin.register(Agency, site=site)
class AgencyAdmin(KeepsWhatItHolds):
    """An agency that keeps years, indicators, documents or a trail is never deleted (a reorganisation renames
    it: its former name stays on the years signed under it); one added by mistake may be."""

    region_path = "region"
    list_display = ("name", "region", "slug")
    list_filter = ("region",)
    search_fields = ("name",)
    inlines = [AgencyNameInline, FormerAddressInline]
    readonly_fields = ("deletable",)
    relations = AGENCY_HOLDINGS
    refusal = "Perangkat daerah yang berganti nama diubah namanya, bukan dihapus."

    def values(self, obj) -> dict:
        return {"nama": obj.name, "pemerintah daerah": obj.region.name, "alamat": obj.slug,
                "tempat penandatanganan": obj.sign_place,
                "tanggal penandatanganan": str(obj.get_sign_date_rule_display())}  # fmt: skip

    def label(self, obj) -> str:
        return f"perangkat daerah {obj.name}"

    def scope(self, obj, deleting: bool = False) -> dict:
        # a deleted agency's own events would go with it: its deletion is the region's
        return {"agency": None if deleting else obj, "region": obj.region_id, "year": None}

    def before_deletion(self, obj) -> None:
        """An agency added by mistake: what the admin pages recorded about it (its creation, its officials and
        roles) stays in the region's trail, with the deletion."""
        obj.audit_events.update(agency=None, region=obj.region_id)

    def get_deleted_objects(self, objs, request):
        """Its audit events are not deleted with it (delete_model keeps them as the region's), so nobody needs
        the right to delete the trail, which no one has."""
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(AuditEvent._meta.verbose_name)
        counts.pop(AuditEvent._meta.verbose_name_plural, None)
        return to_delete, counts, perms_needed, protected

    def get_readonly_fields(self, request, obj=None):
        """An agency that keeps data stays in its region: its published years, URLs and trail belong there."""
        if obj is not None and holdings(obj, self.relations):
            return (*self.readonly_fields, "region")
        return self.readonly_fields

    def save_related(self, request, form, formsets, change):
        """The former names typed here first, then the one a rename keeps for the years already signed."""
        super().save_related(request, form, formsets, change)
        if change and "name" in form.changed_data:
            form.instance.keep_former_name(form.initial["name"])


@admin.register(Official, site=site)
class OfficialAdmin(AuditedAdmin):
    region_path = "region"
    list_display = ("name", "title", "rank", "nip", "agency", "region", "user")
    list_filter = ("region",)
    search_fields = ("name", "nip")

    def values(self, obj) -> dict:
        return {"nama": obj.name, "jabatan": obj.title, "pangkat": obj.rank, "NIP": obj.nip, "golongan": obj.grade,
                "eselon": obj.eselon, "perangkat daerah": obj.agency.name if obj.agency else "",
                "pemerintah daerah": obj.region.name if obj.region else ""}  # fmt: skip

    def label(self, obj) -> str:
        return f"pejabat {obj.name}"

    def scope(self, obj, deleting: bool = False) -> dict:
        return {"agency": obj.agency, "region": obj.region_id, "year": None}


@admin.register(Membership, site=site)
class MembershipAdmin(AuditedAdmin):
    """Roles given and taken away: who may enter, review, sign or administer is in the trail."""

    region_path = "region"
    list_display = ("user", "role", "agency", "region")
    list_filter = ("role", "region", "agency")

    def values(self, obj) -> dict:
        return {"pengguna": obj.user.get_username(), "peran": str(obj.get_role_display()),
                "perangkat daerah": obj.agency.name if obj.agency else "",
                "pemerintah daerah": obj.region.name if obj.region else ""}  # fmt: skip

    def label(self, obj) -> str:
        return f"peran {obj.get_role_display()} untuk {obj.user.get_username()}"

    def scope(self, obj, deleting: bool = False) -> dict:
        region = obj.region_id or (obj.agency.region_id if obj.agency else None)
        return {"agency": obj.agency, "region": region, "year": None}


@admin.register(PlanPeriod, site=site)
class PlanPeriodAdmin(NotEnteredHere, KeepsWhatItHolds):
    """Renstra periods, to look up: they are added and filled on the agency's Renstra page, through the write
    path with its locks and audit. Here only a period that keeps nothing yet (added by mistake) is deleted."""

    region_path = "agency__region"
    list_display = ("agency", "start_year", "end_year")
    list_filter = ("agency",)
    readonly_fields = ("deletable",)
    relations = PLAN_HOLDINGS
    refusal = "Renstra diubah pada halaman Renstra perangkat daerah."

    def values(self, obj) -> dict:
        return {"awal": obj.start_year, "akhir": obj.end_year}

    def scope(self, obj, deleting: bool = False) -> dict:
        return {"agency": obj.agency, "region": None, "year": None}


@admin.register(Sasaran, site=site)
class SasaranAdmin(NotEnteredHere, AdminRoleOnly):
    """Sasaran, to look up: named and renamed on the agency's Renstra page, which refuses renaming one that a
    year under review, approved or published uses, and keeps the change in the trail."""

    region_path = "agency__region"
    list_display = ("name", "agency", "plan")
    list_filter = ("agency",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EntryWindow, site=site)
class EntryWindowAdmin(AuditedAdmin):
    """Entry deadlines: opening, moving or closing one is in the trail, with the dates before and after."""

    region_path = "region"
    list_display = ("region", "year", "quarter", "opens_at", "closes_at")
    list_filter = ("region", "year")

    def values(self, obj) -> dict:
        def moment(value):
            return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")

        return {"tahun": obj.year, "triwulan": obj.quarter, "dibuka": moment(obj.opens_at),
                "ditutup": moment(obj.closes_at)}  # fmt: skip

    def label(self, obj) -> str:
        return f"jendela entri {obj.year} " + (f"TW {obj.quarter}" if obj.quarter else "target dan angka tahunan")

    def scope(self, obj, deleting: bool = False) -> dict:
        return {"agency": None, "region": obj.region_id, "year": obj.year}


class CategoryScaleForm(forms.ModelForm):
    class Meta:
        model = CategoryScale
        fields = ("region", "from_year", "bands", "note")
        widgets = {"bands": forms.Textarea(attrs={"rows": 8, "cols": 60, "spellcheck": "false"})}

    def clean_from_year(self):
        year = self.cleaned_data["from_year"]
        if not 2000 <= year <= 2100:
            raise ValidationError("Tahun berlaku harus antara 2000 dan 2100.")
        return year

    def clean_bands(self):
        try:
            bands = parse_scale(self.cleaned_data["bands"])
        except ScaleError as exc:
            raise ValidationError(exc.reasons) from None
        return scale_text(bands)  # kept as kinerja writes it back: one form, whatever spacing was typed

    def clean(self):
        cleaned = super().clean()
        region, from_year = cleaned.get("region"), cleaned.get("from_year")
        if region is not None and from_year is not None:
            changed = self.instance.pk is not None and (
                self.instance.bands != cleaned.get("bands") or self.instance.from_year != from_year
            )
            if self.instance.pk is None or changed:
                scales.check_change(region.pk, from_year, exclude=self.instance.pk)
            if changed and self.instance.from_year != from_year:
                scales.check_change(self.instance.region_id, self.instance.from_year, exclude=self.instance.pk)
        return cleaned


@admin.register(CategoryScale, site=site)
class CategoryScaleAdmin(DeletedOneAtATime, AdminRoleOnly):
    """A region's own category scales, each from a year on. A version that decides the categories of a signed
    or published year cannot be changed or removed (scales.check_change says which years)."""

    form = CategoryScaleForm
    region_path = "region"
    list_display = ("region", "from_year", "described", "note")
    list_filter = ("region",)

    readonly_fields = ("locked",)

    @admin.display(description="dapat diubah")
    def locked(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        try:
            scales.check_change(obj.region_id, obj.from_year, exclude=obj.pk)
        except ValidationError as exc:
            return " ".join(exc.messages)
        return "ya: belum ada tahun yang ditandatangani atau dipublikasikan dengan skala ini"

    @admin.display(description="kategori")
    def described(self, obj):
        try:
            return describe_scale(parse_scale(obj.bands))
        except ScaleError as exc:
            return f"tidak terbaca: {exc}"

    def has_delete_permission(self, request, obj=None):
        if not is_admin(request.user):
            return False
        if obj is None:
            return True
        try:
            scales.check_change(obj.region_id, obj.from_year, exclude=obj.pk)
        except ValidationError:
            return False  # the change page says why (locked)
        return True

    def save_model(self, request, obj, form, change):
        before = CategoryScale.objects.filter(pk=obj.pk).values("from_year", "bands").first() if change else None
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        audit.record(
            user=request.user, agency=None, region=obj.region, year=obj.from_year,
            action=AuditEvent.Action.UPDATE if change else AuditEvent.Action.CREATE, obj=obj,
            label=f"skala kategori capaian sejak {obj.from_year}",
            before={"sejak": before["from_year"], "kategori": before["bands"]} if before else None,
            after={"sejak": obj.from_year, "kategori": obj.bands}, comment=obj.note, origin="kelola",
        )  # fmt: skip

    def delete_model(self, request, obj):
        scales.check_change(obj.region_id, obj.from_year, exclude=obj.pk)  # has_delete_permission said so too
        audit.record(
            user=request.user, agency=None, region=obj.region, year=obj.from_year, action=AuditEvent.Action.DELETE,
            obj=obj, label=f"skala kategori capaian sejak {obj.from_year}",
            before={"sejak": obj.from_year, "kategori": obj.bands}, origin="kelola",
        )  # fmt: skip
        super().delete_model(request, obj)


@admin.register(LoginThrottle, site=site)
class LoginThrottleAdmin(NotEnteredHere, AdminRoleOnly):
    """Failed-login counts: seen by admins, cleared by deleting them (one row or a selection)."""

    list_display = ("key", "failures", "last_failure", "blocked_until")
    search_fields = ("key",)
    readonly_fields = ("key", "failures", "last_failure", "blocked_until")


@admin.register(WindowReopening, site=site)
class WindowReopeningAdmin(AuditedAdmin):
    """An agency let in after its entry window closed: given, extended or withdrawn, each in the trail with
    its reason."""

    region_path = "agency__region"
    list_display = ("agency", "year", "quarter", "until", "by", "reason")
    exclude = ("by",)

    def save_model(self, request, obj, form, change):
        obj.by = request.user
        super().save_model(request, obj, form, change)

    def values(self, obj) -> dict:
        return {"tahun": obj.year, "triwulan": obj.quarter,
                "sampai": timezone.localtime(obj.until).strftime("%d-%m-%Y %H:%M"), "alasan": obj.reason}  # fmt: skip

    def label(self, obj) -> str:
        return f"entri TW {obj.quarter} dibuka kembali"

    def scope(self, obj, deleting: bool = False) -> dict:
        return {"agency": obj.agency, "region": None, "year": obj.year}


@admin.register(AuditEvent, site=site)
class AuditEventAdmin(NotEnteredHere, AdminRoleOnly):  # read-only: nobody adds, changes or deletes the trail
    region_path = "region"  # the RPJMD's events have a region and no agency
    list_display = ("at", "user", "region", "agency", "year", "action", "object_type", "label")
    list_filter = ("action", "origin", "agency", "year")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(get_user_model(), site=site)
class KinerjaUserAdmin(AdminRoleOnly, UserAdmin):
    """Admins manage accounts; roles are given as Memberships. A region's admin sees the accounts of
    that region and accounts with no role yet, but not an account that also has a role elsewhere nor the
    installation's superusers (its password would be theirs to change), and cannot make anyone a superuser
    or give Django permissions: only a superuser can."""

    SUPERUSER_ONLY = frozenset({"is_superuser", "groups", "user_permissions"})

    def get_queryset(self, request):
        return accounts_of(request.user, UserAdmin.get_queryset(self, request))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_superuser(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": tuple(f for f in options["fields"] if f not in self.SUPERUSER_ONLY)})
            for name, options in fieldsets
        ]
