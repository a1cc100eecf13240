"""The admin site, for the admin role: users and roles, regions, agencies, officials, entry windows.
The audit trail is shown read-only: nobody can add, change or delete it here."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from . import audit
from .access import is_admin, is_superuser, roles_of
from .models import (
    Agency,
    AuditEvent,
    EntryWindow,
    LoginThrottle,
    Membership,
    Official,
    PlanPeriod,
    Region,
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


def admin_region_ids(user) -> list[int]:
    return [m.region_id for m in roles_of(user) if m.role == Membership.Role.ADMIN and m.region_id]


class AdminRoleOnly(admin.ModelAdmin):
    """Everything here is for the admin role (a Membership), whatever Django's own flags say. An admin
    of a region sees and edits that region's records only; ``region_path`` says how a record reaches
    its region."""

    region_path: str | None = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.region_path is None or is_superuser(request.user):
            return queryset
        return queryset.filter(**{f"{self.region_path}__in": admin_region_ids(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not is_superuser(request.user):
            regions = admin_region_ids(request.user)
            if db_field.related_model is Region:
                kwargs["queryset"] = Region.objects.filter(pk__in=regions)
            elif db_field.related_model is Agency:
                kwargs["queryset"] = Agency.objects.filter(region_id__in=regions)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return is_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_add_permission(self, request):
        return is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin(request.user)


@admin.register(Region, site=site)
class RegionAdmin(AdminRoleOnly):
    region_path = "pk"
    list_display = ("name", "slug", "head")
    search_fields = ("name",)

    def has_add_permission(self, request):  # a new region is the installation's decision
        return is_superuser(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_superuser(request.user)


@admin.register(Agency, site=site)
class AgencyAdmin(AdminRoleOnly):
    region_path = "region"
    list_display = ("name", "region", "slug")
    list_filter = ("region",)
    search_fields = ("name",)


@admin.register(Official, site=site)
class OfficialAdmin(AdminRoleOnly):
    region_path = "agency__region"
    list_display = ("name", "title", "rank", "nip", "agency", "user")
    search_fields = ("name", "nip")


@admin.register(Membership, site=site)
class MembershipAdmin(AdminRoleOnly):
    region_path = "region"
    list_display = ("user", "role", "agency", "region")
    list_filter = ("role", "region", "agency")


@admin.register(PlanPeriod, site=site)
class PlanPeriodAdmin(AdminRoleOnly):
    region_path = "agency__region"
    list_display = ("agency", "start_year", "end_year")


@admin.register(Sasaran, site=site)
class SasaranAdmin(AdminRoleOnly):
    region_path = "agency__region"
    list_display = ("name", "agency", "plan")
    list_filter = ("agency",)


@admin.register(EntryWindow, site=site)
class EntryWindowAdmin(AdminRoleOnly):
    region_path = "region"
    list_display = ("region", "year", "quarter", "opens_at", "closes_at")
    list_filter = ("region", "year")


@admin.register(LoginThrottle, site=site)
class LoginThrottleAdmin(AdminRoleOnly):
    """Failed-login counts: seen by admins, cleared by deleting them (one row or a selection)."""

    list_display = ("key", "failures", "last_failure", "blocked_until")
    search_fields = ("key",)
    readonly_fields = ("key", "failures", "last_failure", "blocked_until")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(WindowReopening, site=site)
class WindowReopeningAdmin(AdminRoleOnly):
    region_path = "agency__region"
    list_display = ("agency", "year", "quarter", "until", "by", "reason")
    exclude = ("by",)

    def save_model(self, request, obj, form, change):
        obj.by = request.user
        super().save_model(request, obj, form, change)
        audit.record(
            user=request.user,
            agency=obj.agency,
            year=obj.year,
            action=AuditEvent.Action.UPDATE,
            obj=obj,
            label=f"entri TW {obj.quarter} dibuka kembali",
            after={"sampai": obj.until.isoformat()},
            comment=obj.reason,
        )


@admin.register(AuditEvent, site=site)
class AuditEventAdmin(AdminRoleOnly):  # read-only: nobody adds, changes or deletes the trail
    region_path = "region"  # the RPJMD's events have a region and no agency
    list_display = ("at", "user", "region", "agency", "year", "action", "object_type", "label")
    list_filter = ("action", "origin", "agency", "year")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(get_user_model(), site=site)
class KinerjaUserAdmin(AdminRoleOnly, UserAdmin):
    """Admins manage accounts; roles are given as Memberships. A region's admin sees the accounts of
    that region and accounts with no role yet."""

    def get_queryset(self, request):
        from django.db.models import Q

        queryset = UserAdmin.get_queryset(self, request)
        if is_superuser(request.user):
            return queryset
        regions = admin_region_ids(request.user)
        return queryset.filter(Q(memberships__region_id__in=regions) | Q(memberships__isnull=True)).distinct()
