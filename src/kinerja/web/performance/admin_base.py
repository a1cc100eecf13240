"""What every admin page of kinerja shares: the admin role decides (not Django's own flags), a region's admin
sees that region's records only, every change is in kinerja's audit trail, and a record that keeps data is
not deleted."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from . import audit
from .access import is_admin, is_superuser, roles_of
from .models import Agency, AuditEvent, Membership, Official, Region


def admin_region_ids(user) -> list[int]:
    return [m.region_id for m in roles_of(user) if m.role == Membership.Role.ADMIN and m.region_id]


def accounts_of(admin_user, accounts):
    """The accounts a region's admin manages and may give a role: those with a role in their regions or no
    role yet, but not the installation's superusers nor an account with a role in another region (its
    password and roles are for the superuser)."""
    if is_superuser(admin_user):
        return accounts
    regions = admin_region_ids(admin_user)
    elsewhere = Membership.objects.exclude(region_id__in=regions)
    mine = accounts.filter(Q(memberships__region_id__in=regions) | Q(memberships__isnull=True))
    return mine.exclude(is_superuser=True).exclude(memberships__in=elsewhere).distinct()


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
            elif db_field.related_model is Official:
                kwargs["queryset"] = Official.objects.filter(region_id__in=regions)
            elif db_field.related_model is get_user_model():
                kwargs["queryset"] = accounts_of(request.user, get_user_model().objects.order_by("username"))
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


class AdminOnlyInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_add_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin(request.user)


def holdings(obj, relations) -> list[str]:
    """What ``obj`` keeps, as '4 tahun', '12 indikator' …; empty when it keeps nothing. A relation is named
    by its related name, or given as a function of ``obj`` that returns the records."""

    def records(relation):
        return relation(obj) if callable(relation) else getattr(obj, relation).all()

    return [f"{count} {label}" for relation, label in relations if (count := records(relation).count())]


class AuditedAdmin(AdminRoleOnly):
    """Every addition, change and deletion made here goes into kinerja's audit trail with the values before
    and after (``values``), as the site's own pages do."""

    def values(self, obj) -> dict:
        raise NotImplementedError

    def label(self, obj) -> str:
        return str(obj)

    def scope(self, obj, deleting: bool = False) -> dict:
        """The audit event's agency, region and year (``deleting``: of a deletion)."""
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        before = self.values(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        after = self.values(obj)
        if before != after:
            action = AuditEvent.Action.UPDATE if change else AuditEvent.Action.CREATE
            audit.record(user=request.user, action=action, obj=obj, label=self.label(obj), before=before,
                         after=after, origin="kelola", **self.scope(obj))  # fmt: skip

    def delete_model(self, request, obj):
        audit.record(user=request.user, action=AuditEvent.Action.DELETE, obj=obj, label=self.label(obj),
                     before=self.values(obj), origin="kelola", **self.scope(obj, deleting=True))  # fmt: skip
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):  # the list's "delete selected": each one in the trail
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        """The rows of an inline table (former names, former heads) added, changed or removed: each in the
        trail under the record they belong to, with the values of the table's columns."""
        columns = [name for name in formset.form.base_fields if name not in ("id", "DELETE", formset.fk.name)]

        def shown(values: dict) -> dict:
            return {c: "" if values.get(c) is None else str(values[c]) for c in columns}

        def row(obj) -> dict:
            return shown({c: getattr(obj, c) for c in columns})

        def record(action, obj, before, after):
            audit.record(user=request.user, action=action, obj=obj, label=f"{obj._meta.verbose_name}: {obj}",
                         before=before, after=after, origin="kelola", **self.scope(form.instance))  # fmt: skip

        initial = {f.instance.pk: shown(f.initial) for f in formset.initial_forms}
        for removed in formset.deleted_forms:  # named while it still has its id, as it was (not as retyped)
            if removed.instance.pk:
                record(AuditEvent.Action.DELETE, removed.instance, initial[removed.instance.pk], None)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            record(AuditEvent.Action.CREATE, obj, None, row(obj))
        for obj, _ in formset.changed_objects:
            record(AuditEvent.Action.UPDATE, obj, initial.get(obj.pk), row(obj))


class NotEnteredHere:
    """For records entered elsewhere (on the site's own pages, or by the login): the admin page looks them up;
    nobody adds or edits them here. Put before the admin class it serves."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DeletedOneAtATime:
    """No "delete selected" action: each deletion is checked on its own (what it keeps, which signed years it
    decides). Put before the admin class it serves."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class KeepsWhatItHolds(DeletedOneAtATime, AuditedAdmin):
    """Deletion only of a record that keeps nothing (``relations``), one at a time and audited; the change
    page says what it keeps otherwise."""

    relations: tuple = ()
    refusal = ""

    @admin.display(description="dapat dihapus")
    def deletable(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        kept = holdings(obj, self.relations)
        return f"tidak: menyimpan {', '.join(kept)}. {self.refusal}" if kept else "ya: belum menyimpan apa pun"

    def has_delete_permission(self, request, obj=None):
        if not is_admin(request.user):
            return False
        return obj is None or not holdings(obj, self.relations)

    def delete_model(self, request, obj):
        if holdings(obj, self.relations):  # has_delete_permission said so too
            raise PermissionDenied
        self.before_deletion(obj)
        super().delete_model(request, obj)

    def before_deletion(self, obj) -> None:
        """What to keep of a record that keeps nothing of ``relations``, before it goes."""
