"""Random sequences of entry, Excel, import and the cycle by random roles against one year.

After every step: a locked year's figures, names and capaian are unchanged unless an admin reopened
it; every stored change has exactly one audit event with its before and after; no indicator is
duplicated; the year's pages and reports still render."""

import tempfile
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.core import year as core
from kinerja.core.workflow import Refused
from kinerja.reports.build import lkjip, pengukuran, perjanjian
from kinerja.reports.render import KINDS, render
from kinerja.web.cli import SAMPLE_AGENCY, SAMPLE_REGION, sample_path
from kinerja.web.performance import cycle, reporting, services, store
from kinerja.web.performance.models import Agency, AgencyYear, AuditEvent, Indicator, Membership, Target
from tests.web.conftest import make_user

FORM = "".join(sample_path().read_text(encoding="utf-8").splitlines(keepends=True)[0:51])
FORM_2017 = FORM.replace("TAHUN 2016", "TAHUN 2017").replace("Tahun 2016", "Tahun 2017")
ROLES = ("operator", "other_operator", "reviewer", "head", "admin")
ACTIONS = ("submit", "return", "verify", "approve", "publish", "reopen")
FIELDS = ("target", "q1", "q2", "q3", "q4", "year")

amounts = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1e30"), Decimal("0.1234567")]),  # beyond the limits: always refused
)
# Any text, and often the characters a database or an office file cannot hold (NUL and the other
# controls), a right-to-left mark, a lone surrogate's neighbour, a formula's '=': drawn on purpose, not
# left to the one example in thousands that all of Unicode would give them.
HOSTILE = ["\x00", "\x01", "\x0b", "\x1f", "\u200f", "\ufeff", "=1+1", "\ud7ff", "\r\n"]
notes = st.one_of(
    st.text(max_size=30),
    st.builds(lambda a, h, b: a + h + b, st.text(max_size=10), st.sampled_from(HOSTILE), st.text(max_size=10)),
)
steps = st.one_of(
    st.tuples(st.just("entry"), st.sampled_from(ROLES), st.integers(0, 25), st.sampled_from(FIELDS), amounts),
    st.tuples(st.just("excel"), st.sampled_from(ROLES), st.integers(0, 25), st.sampled_from(FIELDS), amounts),
    st.tuples(st.just("note"), st.sampled_from(ROLES), st.integers(0, 25), notes),
    st.tuples(st.just("setting"), st.sampled_from(ROLES), st.integers(0, 25), st.sampled_from(["higher", "lower"])),
    st.tuples(st.just("import"), st.sampled_from(ROLES), st.sampled_from(["same", "changed"])),
    st.tuples(st.just("act"), st.sampled_from(ROLES), st.sampled_from(ACTIONS), st.sampled_from(["", "alasan"])),
    st.tuples(st.just("act"), st.sampled_from(("operator", "admin")), st.just("submit"), st.just("")),
    st.tuples(st.just("act"), st.just("reviewer"), st.sampled_from(("verify", "publish")), st.just("")),
)

WRITE_ORIGINS = ("form", "excel", "import")
TMP = Path(tempfile.mkdtemp(prefix="kinerja-property-"))


def build_world():
    """The Banjar sample (2013–2016 published), 2017 opened as a draft, and one person per role."""
    services.import_file(sample_path(), agency=SAMPLE_AGENCY, region=SAMPLE_REGION, create=True, published=True)
    agency = Agency.objects.get(name=SAMPLE_AGENCY)
    other = Agency.objects.create(region=agency.region, name="Dinas Lain")
    people = {
        "operator": make_user("p-op", Membership.Role.OPERATOR, agency),
        "other_operator": make_user("p-op2", Membership.Role.OPERATOR, other),
        "reviewer": make_user("p-rev", Membership.Role.REVIEWER),
        "head": make_user("p-head", Membership.Role.HEAD, agency),
        "admin": make_user("p-admin", Membership.Role.ADMIN),
    }
    year, _ = store.open_year(people["operator"], agency, 2017)
    filled = []  # every line with a target, a realisation and a note: the year can be submitted
    for line in store.load(year).lines:
        filled += [
            core.SetFigure(line.indicator_id, "target", Decimal(10), seen_version=line.figure("target").version),
            core.SetFigure(line.indicator_id, "year", Decimal(9), seen_version=line.figure("year").version),
            core.SetNote(line.indicator_id, "Data dinas.", seen_version=line.note_version),
        ]
    store.apply(people["operator"], year, filled, origin="form")
    return year, people


def snapshot(agency_year) -> tuple:
    year = store.load(AgencyYear.objects.get(pk=agency_year.pk))
    return tuple(
        (line.indicator_id, line.name, line.unit, line.direction, tuple(line.figure(f).value for f in FIELDS),
         line.capaian.value)
        for line in year.lines
    )  # fmt: skip


def step(kind, role, args, agency_year, people):
    user = people[role]
    if kind in ("entry", "excel"):
        index, field, value = args
        year = store.load(agency_year)
        line = year.lines[index % len(year.lines)]
        change = core.SetFigure(line.indicator_id, field, value, seen_version=line.figure(field).version)
        return store.apply(user, agency_year, [change], origin="form" if kind == "entry" else "excel").count
    if kind == "note":
        index, text = args
        line = store.load(agency_year).lines[index % 26]
        return store.apply(
            user, agency_year, [core.SetNote(line.indicator_id, text, seen_version=line.note_version)], origin="form"
        ).count
    if kind == "setting":
        index, direction = args
        line = store.load(agency_year).lines[index % 26]
        change = core.SetSetting(line.indicator_id, "direction", direction, seen_version=line.settings_version)
        return store.apply(user, agency_year, [change], origin="form").count
    if kind == "import":
        (variant,) = args
        text = FORM_2017 if variant == "same" else FORM_2017.replace("26.847 orang", "26.900 orang", 1)
        path = TMP / f"{variant}.txt"
        path.write_text(text, encoding="utf-8")
        plan = services.plan_file(path, agency_year.agency)
        return services.execute(plan, user=user, name=path.name).changes
    action, comment = args
    cycle.act(user=user, agency_year=agency_year, action=action, comment=comment)
    return None


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(steps, min_size=1, max_size=10))
def test_random_sequences_keep_every_promise(db, sequence):
    with transaction.atomic():
        agency_year, people = build_world()
        locked_as = None
        indicators = Indicator.objects.count()
        for kind, role, *args in sequence:
            before_status = AgencyYear.objects.get(pk=agency_year.pk).status
            before = snapshot(agency_year)
            events = AuditEvent.objects.filter(origin__in=WRITE_ORIGINS).count()
            try:
                with transaction.atomic():
                    changed = step(kind, role, args, agency_year, people)
            except (Refused, PermissionDenied):
                changed = 0
                assert snapshot(agency_year) == before  # refused: nothing at all
            after_status = AgencyYear.objects.get(pk=agency_year.pk).status
            written = AuditEvent.objects.filter(origin__in=WRITE_ORIGINS).count() - events
            if kind != "act":
                assert written == (changed or 0)  # one audit event per stored change
                for event in AuditEvent.objects.filter(origin__in=WRITE_ORIGINS).order_by("-id")[: changed or 0]:
                    assert event.after is not None or event.action == "delete"
            if before_status not in ("draft", "returned") and kind != "act":
                assert snapshot(agency_year) == before  # locked means locked
            if after_status not in ("draft", "returned"):
                if locked_as is None:
                    locked_as = snapshot(agency_year)
                assert snapshot(agency_year) == locked_as
            else:
                locked_as = None
            assert Target.objects.filter(indicator__agency=agency_year.agency, year=2017).count() == 26
            assert Indicator.objects.count() == indicators  # nothing duplicated
            current = AgencyYear.objects.select_related("agency__region", "signatory").get(pk=agency_year.pk)
            client = Client()
            client.force_login(people["admin"])
            base = f"/{current.agency.region.slug}/{current.agency.slug}/2017"
            assert client.get(f"{base}/").status_code == 200
            assert client.get(f"{base}/entri/").status_code == 200
            data = reporting.agency_year_data(current, people["admin"])  # every report of the year, each step
            for report in (pengukuran(data), perjanjian(data), lkjip(data, with_charts=False)):
                assert render(report, "xlsx")[:2] == b"PK"
        assert render(KINDS["lkjip"][1](data), "pdf")[:4] == b"%PDF"  # with its charts, once per sequence
        transaction.set_rollback(True)
