"""Every audit event names its region: the agency's, or for the RPJMD (which has no agency) the region
whose plan changed. Events written before are filled in from their agency or from the RPJMD record."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# how an RPJMD record written in the trail reaches its region
RPJMD_REGION = {
    "Rpjmd": ("Rpjmd", "region_id"),
    "RpjmdTujuan": ("RpjmdTujuan", "rpjmd__region_id"),
    "RpjmdSasaran": ("RpjmdSasaran", "tujuan__rpjmd__region_id"),
    "RpjmdIndicator": ("RpjmdIndicator", "sasaran__tujuan__rpjmd__region_id"),
}


def fill_regions(apps, schema_editor):
    AuditEvent = apps.get_model("performance", "AuditEvent")
    Agency = apps.get_model("performance", "Agency")
    AuditEvent.objects.filter(agency__isnull=False).update(
        region_id=Subquery(Agency.objects.filter(pk=OuterRef("agency_id")).values("region_id")[:1])
    )
    for object_type, (model_name, path) in RPJMD_REGION.items():
        model = apps.get_model("performance", model_name)
        events = AuditEvent.objects.filter(agency__isnull=True, object_type=object_type, object_id__isnull=False)
        ids = set(events.values_list("object_id", flat=True))
        by_region: dict[int, list[int]] = {}
        for pk, region_id in model.objects.filter(pk__in=ids).values_list("pk", path):
            by_region.setdefault(region_id, []).append(pk)
        for region_id, pks in by_region.items():
            events.filter(object_id__in=pks).update(region_id=region_id)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0021_tujuan_indicators"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="region",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="audit_events",
                to="performance.region",
            ),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["region", "origin", "at"], name="performance_region__3563f7_idx"),
        ),
        migrations.RunPython(fill_regions, migrations.RunPython.noop),
    ]
