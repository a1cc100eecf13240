"""The admin site, for the admin role: users and roles, regions, agencies, officials, entry windows.
The audit trail is shown read-only: nobody can add, change or delete it here."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from . import audit
from .access import is_admin
from .models import (
    Agency,
    AuditEvent,
    EntryWindow,
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


site = KinerjaAdminSite(name="kelola")


class AdminRoleOnly(admin.ModelAdmin):
    """Everything here is for the admin role (a Membership), whatever Django's own flags say."""

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
    list_display = ("name", "slug", "head")
    search_fields = ("name",)


@admin.register(Agency, site=site)
class AgencyAdmin(AdminRoleOnly):
    list_display = ("name", "region", "slug")
    list_filter = ("region",)
    search_fields = ("name",)


@admin.register(Official, site=site)
class OfficialAdmin(AdminRoleOnly):
    list_display = ("name", "title", "rank", "nip", "agency", "user")
    search_fields = ("name", "nip")


@admin.register(Membership, site=site)
class MembershipAdmin(AdminRoleOnly):
    list_display = ("user", "role", "agency")
    list_filter = ("role", "agency")


@admin.register(PlanPeriod, site=site)
class PlanPeriodAdmin(AdminRoleOnly):
    list_display = ("agency", "start_year", "end_year")


@admin.register(Sasaran, site=site)
class SasaranAdmin(AdminRoleOnly):
    list_display = ("name", "agency", "plan")
    list_filter = ("agency",)


@admin.register(EntryWindow, site=site)
class EntryWindowAdmin(AdminRoleOnly):
    list_display = ("year", "quarter", "opens_at", "closes_at")


@admin.register(WindowReopening, site=site)
class WindowReopeningAdmin(AdminRoleOnly):
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
    list_display = ("at", "user", "agency", "year", "action", "object_type", "label")
    list_filter = ("action", "agency", "year")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(get_user_model(), site=site)
class KinerjaUserAdmin(AdminRoleOnly, UserAdmin):
    """Admins manage accounts; roles are given as Memberships."""
