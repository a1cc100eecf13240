from django.urls import path

from . import (
    views,
    views_agreement,
    views_bulk,
    views_entry,
    views_national,
    views_queue,
    views_renstra,
    views_review,
    views_rpjmd,
    views_table,
)

app_name = "performance"

urlpatterns = [
    path("", views.home, name="home"),
    path("indikator/<int:pk>/", views.indicator, name="indicator"),
    path("indikator/<int:pk>/grafik.svg", views.indicator_chart, name="indicator_chart"),
    path("impor/<int:pk>/", views.import_findings, name="import_findings"),
    path("api/capaian/", views_entry.capaian_preview, name="capaian_preview"),
    path("impor/baru/", views_bulk.document_import, name="document_import"),
    path("kerja/", views_queue.queue, name="queue"),
    path("impor/baru/<str:token>/", views_bulk.document_import_confirm, name="document_import_confirm"),
    path("bukti/<int:pk>/", views_entry.evidence, name="evidence"),
    path("bukti/riwayat/<int:pk>/", views_entry.evidence_history, name="evidence_history"),
    path("nasional/", views_national.country, name="country"),
    path("<slug:region>/", views.region, name="region"),
    path("<slug:region>/wilayah/", views_national.province, name="province"),
    path("<slug:region>/rpjmd/", views_rpjmd.periods, name="rpjmd_list"),
    path("<slug:region>/rpjmd/<int:pk>/", views_rpjmd.detail, name="rpjmd"),
    path("<slug:region>/rpjmd/<int:pk>.<str:fmt>", views_rpjmd.download, name="rpjmd_download"),
    path("<slug:region>/buku/<int:year>.pdf", views.region_book, name="region_book"),
    path("<slug:region>/papan/", views_queue.board, name="board"),
    path("<slug:region>/<slug:agency>/", views.agency_latest, name="agency"),
    path("<slug:region>/<slug:agency>/tahun-baru/", views_entry.new_year, name="new_year"),
    path("<slug:region>/<slug:agency>/renstra/", views_entry.renstra, name="renstra"),
    path("<slug:region>/<slug:agency>/organisasi/", views_agreement.organisation, name="organisation"),
    path("<slug:region>/<slug:agency>/renstra/rpjmd/", views_rpjmd.renstra_link, name="renstra_rpjmd"),
    path("<slug:region>/<slug:agency>/rencana-strategis/", views_renstra.public_page, name="renstra_public"),
    path(
        "<slug:region>/<slug:agency>/rencana-strategis/versi/<int:pk>/",
        views_renstra.version_page,
        name="renstra_version",
    ),
    path("<slug:region>/<slug:agency>/renstra/<int:plan>/program/", views_renstra.plan_action, name="renstra_plan"),
    path(
        "<slug:region>/<slug:agency>/rencana-strategis/<int:plan>.<str:fmt>",
        views_renstra.renstra_download,
        name="renstra_download",
    ),
    path("<slug:region>/<slug:agency>/renstra/<int:plan>/tahunan/", views_renstra.save_years, name="renstra_years"),
    path("<slug:region>/<slug:agency>/pk/<int:year>/", views_agreement.year_page, name="pk_year"),
    path("<slug:region>/<slug:agency>/renja/<int:year>/", views_agreement.renja_page, name="renja"),
    path(
        "<slug:region>/<slug:agency>/renja/<int:year>.<str:fmt>", views_agreement.renja_download, name="renja_download"
    ),
    path("<slug:region>/<slug:agency>/pk/<int:year>/pohon.pdf", views_agreement.pohon_pdf, name="pohon_pdf"),
    path("<slug:region>/<slug:agency>/pk/<int:year>/<int:pk>/", views_agreement.detail, name="pk_detail"),
    path("<slug:region>/<slug:agency>/pk/<int:year>/<int:pk>.<str:fmt>", views_agreement.download, name="pk_download"),
    path("<slug:region>/<slug:agency>/pk/<int:year>/<int:pk>/renaksi/", views_agreement.action_plan, name="renaksi"),
    path(
        "<slug:region>/<slug:agency>/pk/<int:year>/<int:pk>/renaksi-templat.xlsx",
        views_agreement.action_plan_template,
        name="renaksi_template",
    ),
    path(
        "<slug:region>/<slug:agency>/pk/<int:year>/<int:pk>/renaksi.<str:fmt>",
        views_agreement.action_plan_download,
        name="renaksi_download",
    ),
    path("<slug:region>/<slug:agency>/<int:year>/", views.agency_year, name="agency_year"),
    path("<slug:region>/<slug:agency>/<int:year>/reviu/", views_review.review_page, name="review"),
    path("<slug:region>/<slug:agency>/<int:year>/reviu/komentar/", views_review.comment_add, name="comment_add"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/reviu/komentar/<int:pk>/jawab/",
        views_review.comment_answer,
        name="comment_answer",
    ),
    path("<slug:region>/<slug:agency>/<int:year>/entri/", views_entry.entry_page, name="entry"),
    path("<slug:region>/<slug:agency>/<int:year>/entri/tabel/", views_table.entry_table, name="entry_table"),
    path("<slug:region>/<slug:agency>/<int:year>/entri/anggaran/", views_entry.budget_entry, name="budget_entry"),
    path("<slug:region>/<slug:agency>/<int:year>/entri/baru/", views_entry.indicator_new, name="indicator_new"),
    path("<slug:region>/<slug:agency>/<int:year>/entri/program/", views_entry.budget_item_new, name="budget_item_new"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/entri/program/<int:pk>/hapus/",
        views_entry.budget_item_remove,
        name="budget_item_remove",
    ),
    path("<slug:region>/<slug:agency>/<int:year>/entri/templat.xlsx", views_bulk.bulk_template, name="bulk_template"),
    path("<slug:region>/<slug:agency>/<int:year>/entri/unggah/", views_bulk.bulk_upload, name="bulk_upload"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/entri/unggah/<str:token>/",
        views_bulk.bulk_confirm,
        name="bulk_confirm",
    ),
    path("<slug:region>/<slug:agency>/<int:year>/entri/<int:pk>/", views_entry.indicator_entry, name="indicator_entry"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/entri/<int:pk>/hapus/",
        views_entry.indicator_remove,
        name="indicator_remove",
    ),
    path("<slug:region>/<slug:agency>/<int:year>/alur/<slug:action>/", views_entry.workflow_action, name="workflow"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/minta-buka-kembali/", views_entry.reopen_request, name="reopen_request"
    ),
    path(
        "<slug:region>/<slug:agency>/<int:year>/temuan/<int:pk>/jelaskan/",
        views_entry.explain_finding,
        name="explain_finding",
    ),
    path(
        "<slug:region>/<slug:agency>/<int:year>/unduh/<slug:kind>.<slug:fmt>",
        views.report_download,
        name="report_download",
    ),
]
