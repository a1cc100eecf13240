"""One write path: each year keeps the indicator as it was (name, unit, direction, cumulation);
versions for notes and settings; roles and entry windows belong to a region; audit events name
their indicator; merged indicators are remembered."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q


def per_year_properties(apps, schema_editor):
    Target = apps.get_model("performance", "Target")
    IndicatorName = apps.get_model("performance", "IndicatorName")
    names = {(n.indicator_id, n.year): n.name for n in IndicatorName.objects.all()}
    for target in Target.objects.select_related("indicator"):
        indicator = target.indicator
        target.name = names.get((target.indicator_id, target.year), indicator.name)
        target.unit = indicator.unit
        target.direction = indicator.direction
        target.cumulation = indicator.cumulation
        target.save(update_fields=["name", "unit", "direction", "cumulation"])


def regions_for_roles(apps, schema_editor):
    Membership = apps.get_model("performance", "Membership")
    Region = apps.get_model("performance", "Region")
    EntryWindow = apps.get_model("performance", "EntryWindow")
    regions = list(Region.objects.all())
    for membership in Membership.objects.select_related("agency"):
        if membership.agency_id is not None:
            membership.region_id = membership.agency.region_id
        elif len(regions) == 1:
            membership.region_id = regions[0].pk
        membership.save(update_fields=["region"])
    # a window used to apply to every region: keep it so, one copy per region
    for window in list(EntryWindow.objects.filter(region__isnull=True)):
        for index, region in enumerate(regions):
            if index == 0:
                window.region_id = region.pk
                window.save(update_fields=["region"])
            else:
                EntryWindow.objects.create(
                    region_id=region.pk,
                    year=window.year,
                    quarter=window.quarter,
                    opens_at=window.opens_at,
                    closes_at=window.closes_at,
                )
    if not regions:
        EntryWindow.objects.all().delete()
    # the old constraint let the same region-wide role be stored twice: keep one
    seen = set()
    for membership in Membership.objects.filter(agency__isnull=True).order_by("id"):
        key = (membership.user_id, membership.role, membership.region_id)
        if key in seen:
            membership.delete()
        seen.add(key)


class Migration(migrations.Migration):
    dependencies = [("performance", "0004_official_user")]

    operations = [
        migrations.AddField("target", "name", models.TextField(default="", verbose_name="nama indikator")),
        migrations.AddField(
            "target", "unit", models.CharField(blank=True, default="", max_length=100, verbose_name="satuan")
        ),
        migrations.AddField(
            "target", "direction", models.CharField(default="higher", max_length=10, verbose_name="arah")
        ),
        migrations.AddField(
            "target", "cumulation", models.CharField(default="last", max_length=10, verbose_name="akumulasi")
        ),
        migrations.AddField("target", "settings_version", models.PositiveIntegerField(default=0)),
        migrations.AddField("realisation", "note_version", models.PositiveIntegerField(default=0)),
        migrations.AddField("indicator", "version", models.PositiveIntegerField(default=0)),
        migrations.AddField("auditevent", "indicator_id", models.BigIntegerField(db_index=True, null=True)),
        migrations.AddField("auditevent", "origin", models.CharField(blank=True, max_length=20)),
        migrations.RunPython(per_year_properties, migrations.RunPython.noop),
        migrations.DeleteModel("IndicatorName"),
        migrations.CreateModel(
            name="MergedIndicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("old_id", models.BigIntegerField(unique=True)),
                (
                    "into",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="merged", to="performance.indicator"
                    ),
                ),
            ],
        ),
        migrations.RemoveConstraint("membership", "membership_unique"),
        migrations.AddField(
            "membership",
            "region",
            models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="members",
                to="performance.region",
                verbose_name="pemerintah daerah",
                help_text="untuk reviewer dan admin; diisi otomatis dari perangkat daerah untuk peran lain",
            ),
        ),
        migrations.RemoveConstraint("entrywindow", "entry_window_once"),
        migrations.AddField(
            "entrywindow",
            "region",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="entry_windows",
                to="performance.region",
                verbose_name="pemerintah daerah",
            ),
        ),
        migrations.RunPython(regions_for_roles, migrations.RunPython.noop),
        migrations.AlterField(
            "entrywindow",
            "region",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="entry_windows",
                to="performance.region",
                verbose_name="pemerintah daerah",
            ),
        ),
        migrations.AlterModelOptions("entrywindow", {"ordering": ["region", "year", "quarter"]}),
        migrations.AddConstraint(
            "entrywindow",
            models.UniqueConstraint(fields=("region", "year", "quarter"), name="entry_window_once"),
        ),
        migrations.AddConstraint(
            "membership",
            models.UniqueConstraint(
                condition=Q(agency__isnull=False), fields=("user", "role", "agency"), name="membership_unique_agency"
            ),
        ),
        migrations.AddConstraint(
            "membership",
            models.UniqueConstraint(
                condition=Q(agency__isnull=True), fields=("user", "role", "region"), name="membership_unique_region"
            ),
        ),
    ]
