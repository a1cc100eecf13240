"""Whether what is stored still says what was published: ``kinerja verify``.

Every write goes through store.apply, and a published year refuses them all; a figure can still change
behind kinerja's back (an edit made straight in the database, a restore gone wrong, a defect). For each
published year this compares the year as stored now with the version kept when it was published
(kinerja.core.snapshot), and each year's stored mean capaian with the one its figures give. It reports
what differs, naming the agency, the year, the indicator and both values; it changes nothing.

Left out of the comparison: which indicator record a line belongs to (an admin's audited link of two
indicators moves published lines onto one record) and the batas wajar (a check of figures, set at any time,
never published).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kinerja.core import snapshot
from kinerja.core.numbers import format_plain
from kinerja.core.year import LABELS as FIELD_LABELS

from . import averages, lkjip, store
from .models import AgencyYear

BATCH = 200  # agency-years loaded at once: five queries a batch, whatever the number of lines
NOT_COMPARED = {"indicator_id", "plausible_min", "plausible_max"}
LABELS = {**FIELD_LABELS, "position": "urutan", "items": "anggaran program"}  # the writer's names, and two more


@dataclass(frozen=True)
class Difference:
    agency: str
    year: int
    message: str

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.message}"


@dataclass
class Verified:
    years: int = 0  # agency-years read
    published: int = 0  # of them, published years compared with their published version
    differences: list[Difference] = field(default_factory=list)


def verify(region=None) -> Verified:
    """Every agency-year (of ``region``, or of the installation) checked; nothing written."""
    years = AgencyYear.objects.select_related("agency").order_by("agency__region__name", "agency__name", "year")
    if region is not None:
        years = years.filter(agency__region=region)
    done = Verified()
    ids = list(years.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = list(years.filter(pk__in=ids[start : start + BATCH]))
        done.years += len(batch)
        done.published += sum(compared(ay) for ay in batch)
        found = differences(batch, store.load_many(batch, previous=False))
        done.differences += [Difference(ay.agency.name, ay.year, message) for ay, message in found]
    return done


def differences(agency_years: list[AgencyYear], loaded: dict) -> list[tuple[AgencyYear, str]]:
    """What differs in these years, loaded as ``loaded`` (store.load_many by pk): one query more, for their
    LKjIP texts. kinerja verify reads batches of the installation with it, the status board one year."""
    basis = averages.basis()
    texts = lkjip.published_differences([ay for ay in agency_years if compared(ay)])
    return [(ay, message) for ay in agency_years for message in _year_differences(ay, loaded[ay.pk], basis, texts)]


def compared(ay: AgencyYear) -> bool:
    """Whether the year is compared with a published version: published, not reopened, with one kept."""
    return ay.status == AgencyYear.Status.PUBLISHED and bool(ay.published)


def _year_differences(ay: AgencyYear, year, basis: str, texts: dict[int, str]) -> list[str]:
    """What differs in one year loaded as ``year`` (store.load_many): from its published version (figures,
    settings, description, budget, signature; its LKjIP text from ``texts``), and between its
    stored mean and its figures' mean (when worked out on today's ``averages.basis()``)."""
    found = list(_published(ay.published, year)) if compared(ay) else []
    if ay.pk in texts:
        found.append(texts[ay.pk])
    if ay.average is not None and ay.average_basis == basis:
        recomputed = averages.stored(year)
        if recomputed != ay.average:
            found.append(
                f"rata-rata capaian tersimpan {_shown(ay.average)}, dihitung dari angkanya {_shown(recomputed)}"
            )
    return found


def _published(kept: dict, year) -> Iterator[str]:
    """What differs between the version kept at publication and the year as stored now."""
    now = snapshot.dump(year)
    kept_lines, now_lines = kept.get("lines", []), now["lines"]
    if len(kept_lines) != len(now_lines):
        yield f"{len(now_lines)} indikator tersimpan, {len(kept_lines)} pada versi terbit"
    for was, line in zip(kept_lines, now_lines, strict=False):
        who = f"'{line.get('name') or was.get('name')}'"
        for key in sorted(set(was) - NOT_COMPARED):  # a key the kept version has (older versions have fewer)
            if key == "figures":
                for part in sorted(set(was["figures"]) | set(line["figures"])):
                    a, b = was["figures"].get(part), line["figures"].get(part)
                    if _figure(a) != _figure(b):
                        yield f"{who}: {LABELS.get(part, part)} tersimpan {_text(b)}, versi terbit {_text(a)}"
            elif _plain(was[key]) != _plain(line.get(key)):
                yield f"{who}: {LABELS.get(key, key)} tersimpan {line.get(key)!r}, versi terbit {was[key]!r}"
    for key in ("budget", "signatory"):
        if key in kept and _plain(kept[key]) != _plain(now.get(key)):
            parts = kept[key] or {}
            if key == "budget":
                for part in sorted(set(parts) | set(now[key] or {})):
                    if _plain(parts.get(part)) != _plain((now[key] or {}).get(part)):
                        yield f"{LABELS.get(part, part)} tersimpan {now[key].get(part)!r}, versi terbit " \
                              f"{parts.get(part)!r}"  # fmt: skip
            else:
                yield f"penandatangan tersimpan {now[key]!r}, versi terbit {kept[key]!r}"


def _figure(data: dict | None) -> tuple:
    """A figure as compared: its number and its text (an absent figure is an empty one)."""
    data = data or {}
    return _plain(data.get("value")), data.get("raw") or ""


def _plain(data):
    """Kept data as compared: a number kept as text compares by its value ('24450.000000' as one backend keeps
    it is '24450' as another does), anything else as it is."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    if isinstance(data, str) and data[:1] in "-0123456789" and data:
        try:
            number = Decimal(data)
        except InvalidOperation:
            return data
        return number.normalize() if number.is_finite() else data
    return data


def _text(data: dict | None) -> str:
    value, raw = _figure(data)
    if raw:
        return f"'{raw}'"
    return "kosong" if value is None else _shown(value)


def _shown(value) -> str:
    """A figure the Indonesian way with the decimals it has (62,87; 19.393)."""
    return format_plain(Decimal(str(value)).normalize()) if value is not None else "kosong"
