from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        pytest.fail(f"models changed without a migration:\n{out.getvalue()} ({exc})")


@pytest.mark.django_db
def test_database_backend_is_the_one_asked_for():
    """In CI the web tests run a second time against PostgreSQL; make sure they really do."""
    import os

    from django.db import connection

    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            assert cursor.fetchone()[0].startswith("15")
    else:
        assert connection.vendor == "sqlite"


def agency_before(migration: str):
    """The database migrated back to just after ``migration`` with one region and agency in it: the models as
    they were then, and the agency."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("performance", migration)]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    region = old.get_model("performance", "Region").objects.create(name="Kabupaten Lama", slug="kabupaten-lama")
    agency = old.get_model("performance", "Agency").objects.create(region=region, name="Dinas Lama", slug="dinas-lama")
    return old, agency


def migrated_forward():
    """The database migrated forward to the latest migrations: the models as they are now."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(latest)
    return executor.loader.project_state(latest).apps


@pytest.mark.django_db(transaction=True)
def test_each_year_starts_with_the_description_its_indicator_had():
    """Migration 0034 moved an indicator's description (definition, data source, IKU, national standard …) to
    each of its years: every year, published or draft, keeps what the indicator held before it."""
    from decimal import Decimal

    old, agency = agency_before("0033_bounds_by_region")
    sasaran = old.get_model("performance", "Sasaran").objects.create(agency=agency, name="Gizi")
    Indicator = old.get_model("performance", "Indicator")
    gizi = Indicator.objects.create(agency=agency, name="Balita gizi baik", unit="%", definition="BB/TB normal",
                                    data_source="Puskesmas", responsible="Bidang Kesmas", is_iku=True,
                                    standard=Decimal("87.5"), standard_source="SPM")  # fmt: skip
    plain = Indicator.objects.create(agency=agency, name="Jumlah posyandu", unit="unit")
    Target = old.get_model("performance", "Target")
    for indicator in (gizi, plain):
        for year in (2019, 2020):
            Target.objects.create(indicator=indicator, year=year, sasaran=sasaran, name=indicator.name)

    rows = migrated_forward().get_model("performance", "Target").objects.order_by("indicator_id", "year")
    described = [
        (r.indicator_id, r.year, r.definition, r.data_source, r.responsible, r.is_iku, r.standard, r.standard_source)
        for r in rows
    ]
    assert described == [
        (gizi.pk, 2019, "BB/TB normal", "Puskesmas", "Bidang Kesmas", True, Decimal("87.5"), "SPM"),
        (gizi.pk, 2020, "BB/TB normal", "Puskesmas", "Bidang Kesmas", True, Decimal("87.5"), "SPM"),
        (plain.pk, 2019, "", "", "", False, None, ""),
        (plain.pk, 2020, "", "", "", False, None, ""),
    ]


@pytest.mark.django_db(transaction=True)
def test_each_signed_year_keeps_the_signature_block_its_official_had():
    """Migration 0036: a year signed before signature blocks were kept with it gets its official's as then."""
    old, agency = agency_before("0035_agency_former_names")
    head = old.get_model("performance", "Official").objects.create(
        agency=agency, name="Ir. KEPALA", nip="196005121985031025", rank="Pembina Utama Muda", title="Kepala Dinas"
    )
    AgencyYear = old.get_model("performance", "AgencyYear")
    AgencyYear.objects.create(agency=agency, year=2016, status="published", signatory=head)
    AgencyYear.objects.create(agency=agency, year=2017, status="draft")

    signers = dict(migrated_forward().get_model("performance", "AgencyYear").objects.values_list("year", "signer"))
    assert signers == {
        2016: {
            "name": "Ir. KEPALA",
            "nip": "196005121985031025",
            "rank": "Pembina Utama Muda",
            "title": "Kepala Dinas",
        },
        2017: None,
    }
