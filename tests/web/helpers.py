"""Writes for test set-up, through the one write path as the views make them."""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal

import docx
from django.test import Client

from kinerja.core import year as core
from kinerja.core.model import Cumulation, Direction
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import AgencyYear, Indicator

# The admin pages of a region and an agency show their former addresses (read-only rows): a form posted there
# carries that table's management form, as the browser sends it.
NO_ADDRESSES = {"former_addresses-TOTAL_FORMS": 0, "former_addresses-INITIAL_FORMS": 0}
# and a region's page its former names too
REGION_TABLES = {**NO_ADDRESSES, "former_names-TOTAL_FORMS": 0, "former_names-INITIAL_FORMS": 0}


def add_indicator(
    *, user, agency_year, name, unit, direction="higher", cumulation="last", sasaran_name="S", target=None
) -> Indicator:
    year = store.load(agency_year)
    line = core.Line(
        indicator_id=None,
        ref="test",
        name=name,
        unit=unit,
        direction=Direction(direction),
        cumulation=Cumulation(cumulation),
        sasaran=sasaran_name,
        position=max((x.position for x in year.lines), default=0) + 1,
        figures={"target": core.Figure(None if target is None else Decimal(target))},
    )
    applied = store.apply(user, agency_year, [core.AddLine(line)], origin="form")
    return Indicator.objects.get(pk=applied.new_ids["test"])


def save_figure(*, user, agency_year, indicator, field, value, seen_version=None) -> int:
    """One figure, with the version the person saw (the current one when not given)."""
    line = store.load(agency_year).line(indicator.pk)
    seen = line.figure(field).version if seen_version is None else seen_version
    change = core.SetFigure(indicator.pk, field, None if value is None else Decimal(value), seen_version=seen)
    return store.apply(user, agency_year, [change], origin="form").count


def save_note(*, user, agency_year, indicator, note) -> int:
    line = store.load(agency_year).line(indicator.pk)
    return store.apply(
        user, agency_year, [core.SetNote(indicator.pk, note, seen_version=line.note_version)], origin="form"
    ).count


def client_for(user) -> Client:
    """A browser session logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


def said(response) -> str:
    """A page's text with its HTML entities read (what the person sees in quotes and signs)."""
    return html.unescape(response.content.decode())


def docx_text(content: bytes) -> str:
    """A Word file's paragraphs, then each table row with its cells joined by tabs."""
    document = docx.Document(io.BytesIO(content))
    tables = ["\t".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    return "\n".join([p.text for p in document.paragraphs] + tables)


def entry_post(client, pk: int, *, year: int = 2020, base: str = "/kabupaten-uji/dinas-uji", **meta) -> str:
    """The indicator's form as the page shows it (hidden and typed fields, figures included), with ``meta``
    typed over its indicator fields and posted; the answer page's text."""
    url = f"{base}/{year}/entri/{pk}/"
    page = client.get(url).content.decode()
    inputs = re.findall(r"<input [^>]*>", page)
    post = {
        re.search(r'name="([^"]+)"', tag)[1]: (re.search(r'value="([^"]*)"', tag) or [None, ""])[1]
        for tag in inputs
        if 'name="' in tag and 'type="checkbox"' not in tag and 'type="file"' not in tag
    }
    post.pop("csrfmiddlewaretoken", None)
    line = store.load(AgencyYear.objects.get(agency=Indicator.objects.get(pk=pk).agency_id, year=year)).line(pk)
    post.update({"meta-name": line.name, "meta-unit": line.unit, "meta-sasaran": line.sasaran,
                 "meta-direction": line.direction.value, "meta-cumulation": line.cumulation.value})  # fmt: skip
    post.update({f"meta-{name}": value for name, value in meta.items()})
    return said(client.post(url, post, follow=True))


def publish(agency_year, people) -> AgencyYear:
    """The year through its whole cycle: submitted, verified, approved by the head and published."""
    for who, action in (("operator", "submit"), ("reviewer", "verify"), ("head", "approve"), ("reviewer", "publish")):
        cycle.act(user=people[who], agency_year=AgencyYear.objects.get(pk=agency_year.pk), action=action)
    return AgencyYear.objects.get(pk=agency_year.pk)


def ready_year(people, agency, year: int) -> AgencyYear:
    """The year with its one indicator, Jumlah koperasi sehat (sasaran Koperasi), 30 of a target of 40, and its
    budget: ready to be submitted."""
    ay, _ = store.open_year(people["operator"], agency, year)
    changes = [core.SetBudget("anggaran", Decimal(1000)), core.SetBudget("realisasi", Decimal(900))]
    opened = store.load(ay).lines  # a year opened from the last one has its indicator already
    if opened:
        changes += [
            core.SetFigure(opened[0].indicator_id, name, Decimal(v)) for name, v in (("target", 40), ("year", 30))
        ]
    else:
        changes.append(core.AddLine(core.Line(
            indicator_id=None, ref="a", name="Jumlah koperasi sehat", unit="unit", sasaran="Koperasi",
            figures={"target": core.Figure(Decimal(40)), "year": core.Figure(Decimal(30))})))  # fmt: skip
    store.apply(people["operator"], ay, changes, origin="form")
    return ay
