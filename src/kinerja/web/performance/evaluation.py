"""The Inspektorat's SAKIP evaluation (LKE) of an agency's year: who may score, read and answer it, its writes
(scores, notes, recommendations, the agency's follow-up; all audited, all refused whole on one bad field),
and the facts from the agency's own data that the evaluator reads beside each component.

Reviewers and admins of the agency's region score while the evaluation is a draft and set it final once every
part is scored; an admin may reopen a final one with a written reason. The agency's operators and head read
it and answer each recommendation with their follow-up once it is final. The public does not read it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from kinerja.core import evaluation as lke
from kinerja.core.categories import category
from kinerja.core.numbers import format_id
from kinerja.core.workflow import Refused, Role

from . import audit, notify, typed
from .access import roles_for
from .models import (
    AgencyYear,
    Agreement,
    AuditEvent,
    EndTarget,
    Evaluation,
    Indicator,
    PlanPeriod,
    Realisation,
    Recommendation,
    RenjaEvaluation,
    RenjaRow,
    ReviewComment,
)

EVALUATORS = {Role.REVIEWER, Role.ADMIN}
AGENCY_PEOPLE = {Role.OPERATOR, Role.HEAD}
MAX_RECOMMENDATIONS = 50


def may_evaluate(user, agency) -> bool:
    return bool(roles_for(user, agency) & EVALUATORS)


def may_read(user, agency) -> bool:
    return bool(roles_for(user, agency))


def may_follow_up(user, agency) -> bool:
    return bool(roles_for(user, agency) & (AGENCY_PEOPLE | {Role.ADMIN}))


def find(agency, year: int) -> Evaluation:
    """The year's evaluation, or a new unsaved one on the template in force for the year."""
    found = Evaluation.objects.filter(agency=agency, year=year).first()
    return found or Evaluation(agency=agency, year=year, template=lke.template_for(year).code)


def template_of(evaluation: Evaluation) -> lke.Template:
    return lke.TEMPLATES.get(evaluation.template) or lke.template_for(evaluation.year)


def sheet(evaluation: Evaluation) -> lke.Sheet:
    shares = {key: Decimal(value) for key, value in (evaluation.scores or {}).items() if value not in (None, "")}
    return lke.score(template_of(evaluation), shares)


def _require(user, agency, allowed, what: str) -> None:
    if not roles_for(user, agency) & allowed:
        raise PermissionDenied(f"Anda tidak berhak {what} evaluasi SAKIP perangkat daerah ini.")


def _locked(user, agency, year: int, version) -> Evaluation:
    """The evaluation to change, locked, refused when final or when it changed since the page was opened."""
    # two evaluators starting the same sheet at once: one row, the second waits for the first (get_or_create
    # takes the row the other made instead of failing on the unique constraint)
    Evaluation.objects.get_or_create(agency=agency, year=year, defaults={"template": lke.template_for(year).code})
    evaluation = Evaluation.objects.select_for_update().get(agency=agency, year=year)
    if evaluation.status == Evaluation.Status.FINAL:
        raise Refused(gettext("Evaluasi ini sudah ditetapkan; admin dapat membukanya kembali dengan alasan tertulis."))
    if version is not None and typed.record_id(version) != evaluation.version:
        raise Refused(
            "Evaluasi ini telah diubah oleh pengguna lain setelah Anda membuka halaman; perubahan Anda tidak "
            "disimpan. Muat ulang halaman untuk melihat nilai terbaru."
        )
    return evaluation


def _settle(evaluation: Evaluation) -> None:
    scored = sheet(evaluation)
    evaluation.total = scored.total
    evaluation.predikat = scored.predikat[0] if scored.complete else ""


def save(user, agency, year: int, data) -> int:
    """The scores and notes of the sheet as typed (``s_<part key>``, ``n_<component>``), and the template
    (``template``, changed only while no part is scored). Returns how many values changed."""
    _require(user, agency, EVALUATORS, "mengisi")
    with transaction.atomic():
        evaluation = _locked(user, agency, year, data.get("version"))
        chosen = data.get("template") or evaluation.template
        if chosen not in lke.TEMPLATES:
            raise Refused(gettext("Templat LKE tidak dikenal."))
        if chosen != evaluation.template and any(evaluation.scores.values()):
            raise Refused(gettext("Templat hanya dapat diganti selama belum ada nilai; kosongkan nilainya dulu."))
        template = lke.TEMPLATES[chosen]
        scores, notes, problems = {}, {}, []
        for part in template.parts:
            try:
                share = lke.read_share(str(data.get(f"s_{part.key}", ""))[:20], template.label(part))
            except ValueError as exc:
                problems.append(str(exc))
                continue
            if share is not None:
                scores[part.key] = format(share.normalize(), "f")
        for component in template.components:
            try:
                note = typed.text(
                    data.get(f"n_{component.code}", ""),
                    gettext("Catatan %(name)s") % {"name": component.name},
                    required=False,
                )
            except Refused as exc:
                problems.append(str(exc))
                continue
            if note:
                notes[component.code] = note
        if problems:
            raise Refused("Tidak disimpan: " + " ".join(problems[:6]))
        before = {"templat": evaluation.template, "nilai": evaluation.scores, "catatan": evaluation.notes}
        after = {"templat": chosen, "nilai": scores, "catatan": notes}
        if before == after:
            return 0
        changed = sum(
            1 for key in set(scores) | set(evaluation.scores) if scores.get(key) != evaluation.scores.get(key)
        )
        changed += sum(1 for key in set(notes) | set(evaluation.notes) if notes.get(key) != evaluation.notes.get(key))
        changed += chosen != evaluation.template
        evaluation.template, evaluation.scores, evaluation.notes = chosen, scores, notes
        evaluation.evaluator = user
        evaluation.version += 1
        _settle(evaluation)
        evaluation.save()
        _record(user, evaluation, "nilai dan catatan", before, after)
    return changed


def _differing(new: dict, old: dict) -> int:
    return sum(1 for key in set(new) | set(old) if new.get(key) != old.get(key))


def add_recommendation(user, agency, year: int, text: str) -> Recommendation:
    _require(user, agency, EVALUATORS, "mengisi")
    text = typed.text(text, gettext("Rekomendasi"))
    with transaction.atomic():
        evaluation = _locked(user, agency, year, None)
        count = evaluation.recommendations.count()
        if count >= MAX_RECOMMENDATIONS:
            raise Refused(
                gettext("Paling banyak %(MAX_RECOMMENDATIONS)s rekomendasi dalam satu evaluasi.")
                % {"MAX_RECOMMENDATIONS": MAX_RECOMMENDATIONS}
            )
        recommendation = Recommendation.objects.create(evaluation=evaluation, position=count + 1, text=text)
        _record(user, evaluation, "rekomendasi ditambahkan", None, {"rekomendasi": text})
    return recommendation


def remove_recommendation(user, agency, year: int, recommendation_id) -> None:
    _require(user, agency, EVALUATORS, "mengisi")
    with transaction.atomic():
        evaluation = _locked(user, agency, year, None)
        found = evaluation.recommendations.filter(pk=typed.record_id(recommendation_id)).first()
        if found is None:
            raise Refused(gettext("Rekomendasi itu tidak ada dalam evaluasi ini."))
        _record(user, evaluation, "rekomendasi dihapus", {"rekomendasi": found.text}, None)
        found.delete()


def finalize(user, agency, year: int, version) -> lke.Sheet:
    """Set the evaluation final: refused while a part is unscored or without a recommendation."""
    _require(user, agency, EVALUATORS, "menetapkan")
    with transaction.atomic():
        evaluation = _locked(user, agency, year, version)
        scored = sheet(evaluation)
        if not scored.complete:
            names = ", ".join(scored.template.label(part) for part in scored.missing[:6])
            raise Refused(gettext("Belum dapat ditetapkan: nilai %(names)s belum diisi.") % {"names": names})
        if not evaluation.recommendations.exists():
            raise Refused(gettext("Belum dapat ditetapkan: tulis sedikitnya satu rekomendasi bagi perangkat daerah."))
        evaluation.status = Evaluation.Status.FINAL
        evaluation.finalized_at = timezone.now()
        evaluation.evaluator = user
        evaluation.version += 1
        _settle(evaluation)
        evaluation.save()
        code, meaning = scored.predikat
        _record(user, evaluation, "ditetapkan", {"status": "draf"},
                {"status": "ditetapkan", "nilai": format_id(scored.total, 2), "predikat": code})  # fmt: skip
        notify.after_evaluation(
            evaluation, f"ditetapkan dengan nilai {format_id(scored.total, 2)}, predikat {code} ({meaning}); "
            "tulis tindak lanjut setiap rekomendasinya", user, to_agency=True,
        )  # fmt: skip
    return scored


def reopen(user, agency, year: int, reason: str) -> None:
    """An admin opens a final evaluation again, with a written reason kept in the history."""
    _require(user, agency, {Role.ADMIN}, "membuka kembali")
    reason = typed.text(reason, gettext("Alasan membuka kembali"))
    with transaction.atomic():
        evaluation = Evaluation.objects.select_for_update().filter(agency=agency, year=year).first()
        if evaluation is None or evaluation.status != Evaluation.Status.FINAL:
            raise Refused(gettext("Evaluasi ini belum ditetapkan; tidak ada yang perlu dibuka kembali."))
        evaluation.status = Evaluation.Status.DRAFT
        evaluation.version += 1
        evaluation.save()
        _record(user, evaluation, "dibuka kembali", {"status": "ditetapkan"}, {"status": "draf"}, comment=reason)
        notify.after_evaluation(evaluation, f"dibuka kembali oleh admin; alasan: {reason}", user, to_agency=False)


def follow_up(user, agency, year: int, recommendation_id, text: str, done: bool) -> None:
    """The agency's answer to one recommendation of a final evaluation."""
    _require(user, agency, AGENCY_PEOPLE | {Role.ADMIN}, "menjawab")
    text = typed.text(text, gettext("Tindak lanjut"), required=done)
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update()
            .filter(pk=typed.record_id(recommendation_id), evaluation__agency=agency, evaluation__year=year)
            .select_related("evaluation")
            .first()
        )
        if recommendation is None:
            raise Refused(gettext("Rekomendasi itu tidak ada dalam evaluasi ini."))
        if recommendation.evaluation.status != Evaluation.Status.FINAL:
            raise Refused(gettext("Tindak lanjut ditulis setelah evaluasi ditetapkan."))
        before = {"tindak lanjut": recommendation.follow_up, "selesai": recommendation.done}
        after = {"tindak lanjut": text, "selesai": done}
        if before == after:
            return
        recommendation.follow_up, recommendation.done = text, done
        recommendation.follow_up_by, recommendation.follow_up_at = user, timezone.now()
        recommendation.save()
        _record(user, recommendation.evaluation, f"tindak lanjut rekomendasi {recommendation.position}", before, after)
        state = "selesai" if done else "dalam proses"
        notify.after_evaluation(recommendation.evaluation, f"tindak lanjut rekomendasi {recommendation.position} "
                                f"ditulis ({state}): {text}", user, to_agency=False)  # fmt: skip


def _record(user, evaluation: Evaluation, what: str, before, after, comment: str = "") -> None:
    audit.record(
        user=user, agency=evaluation.agency, year=evaluation.year,
        action=AuditEvent.Action.UPDATE if before else AuditEvent.Action.CREATE, obj=evaluation,
        label=f"Evaluasi SAKIP (LKE) {evaluation.year}: {what}", before=before, after=after, comment=comment,
        origin="evaluasi",
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Fact:
    component: str  # the component code it speaks to
    text: str


def facts(agency, year: int) -> list[Fact]:
    """What the agency's own data in kinerja says about each component, for the evaluator to read beside the
    sheet: it does not score anything. Bounded queries, whatever the agency's size."""
    from . import store

    found: list[Fact] = []
    plan = PlanPeriod.objects.filter(agency=agency, start_year__lte=year, end_year__gte=year).first()
    if plan is None:
        found.append(Fact("perencanaan", f"Tidak ada Renstra yang mencakup tahun {year} di kinerja."))
    else:
        indicators = Indicator.objects.filter(agency=agency, targets__year=year).distinct().count()
        ends = EndTarget.objects.filter(plan=plan, indicator__agency=agency).exclude(value=None, raw="").count()
        period = f"Renstra {plan.start_year}–{plan.end_year}"
        found.append(Fact("perencanaan", f"{period}: target akhir tercatat untuk {ends} indikator "
                                         f"({indicators} indikator dipakai tahun {year})."))  # fmt: skip
    signed = Agreement.objects.filter(agency=agency, year=year).exclude(status=Agreement.Status.DRAFT).count()
    found.append(Fact("perencanaan", f"Perjanjian Kinerja tahun {year} yang ditandatangani: {signed}."))
    agency_year = AgencyYear.objects.filter(agency=agency, year=year).first()
    if agency_year is None:
        found.append(Fact("pengukuran", f"Tahun {year} belum dibuka di kinerja: belum ada pengukuran."))
        found.append(Fact("pelaporan", f"Tahun {year} belum dilaporkan di kinerja."))
    else:
        loaded = store.load(agency_year)
        lines = loaded.used_lines
        realised = sum(1 for line in lines if line.figure("year").value is not None or line.figure("year").written)
        quarterly = Realisation.objects.filter(indicator__agency=agency, year=year, quarter__gt=0).values(
            "indicator_id").distinct().count()  # fmt: skip
        found.append(Fact("pengukuran", f"Realisasi tahun {year} terisi untuk {realised} dari {len(lines)} indikator; "
                                        f"realisasi triwulanan tercatat untuk {quarterly} indikator."))  # fmt: skip
        average = agency_year.average
        if average is not None:
            band = category(average, loaded.bands)
            found.append(Fact("capaian", f"Rata-rata capaian tahun {year}: {format_id(average, 2)} %"
                                         + (f" ({band.label})." if band else ".")))  # fmt: skip
        state = agency_year.get_status_display()
        published = f", dipublikasikan {agency_year.published_at:%d-%m-%Y}" if agency_year.published_at else ""
        found.append(Fact("pelaporan", f"Status tahun {year}: {state}{published}."))
        comments = ReviewComment.objects.filter(agency_year=agency_year).count()
        found.append(Fact("evaluasi", f"Komentar reviu tercatat untuk tahun {year}: {comments}."))
    renja_rows = RenjaRow.objects.filter(agency=agency, year=year).count()
    footer = RenjaEvaluation.objects.filter(agency=agency, year=year).exclude(follow_up="").exists()
    written = "tindak lanjut tertulis" if footer else "tindak lanjut belum ditulis"
    found.append(Fact("evaluasi", f"Evaluasi Renja {year}: {renja_rows} baris; {written}."))
    return found
