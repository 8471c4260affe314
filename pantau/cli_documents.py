"""``pantau document``: one policy-document PDF in, its pages, tables and text quality (or its claims) out."""

from __future__ import annotations

import json

import click

CLAIM_EXTRA_FIELDS = ["claim_id", "page", "source_kind", "document_id", "text_quality", "scope", "scope_name",
                      "row_label", "column_label", "url"]


@click.command("document")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="Where the PDF was published; claims link to URL#page=N and the document id follows it.")
@click.option("--claims", "as_claims", is_flag=True,
              help="Print the document's claims as JSONL (the claim schema plus page, source_kind, document_id, "
                   "text_quality and, for table figures, row_label and column_label) instead of the document.")
@click.option("--no-tables", is_flag=True, help="Skip table reading (text only; faster on very long documents).")
def document(file, url, as_claims, no_tables):
    """Read a government PDF (press release, regulation, RPJMN/Renstra, LKj performance report).

    Prints JSON: title, issuer, doc_type (siaran_pers, peraturan, rpjmn, renstra, lkj, perjanjian_kinerja,
    dokumen), published (+ published_precision), pages [{page, text, text_quality}], tables [{page, rows}] and
    text_quality (ok | suspect | corrupt: a scanned text layer with letters for digits). With --claims: one claim
    per line; a Target/Realisasi table row gives a target and an achievement claim for its indicator and year, with
    the unit stated in the table header. Figures from suspect/corrupt text carry that flag and a capped confidence.
    """
    from extract.claims import CLAIM_FIELDS
    from extract.documents import DocumentError, document_claims, read_document

    try:
        doc = read_document(file, url=url, with_tables=not no_tables)
    except DocumentError as error:
        raise click.ClickException(f"{file}: not a readable PDF ({error.reason})") from None
    if not as_claims:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1))
        return
    fields = list(CLAIM_FIELDS) + [f for f in CLAIM_EXTRA_FIELDS if f not in CLAIM_FIELDS]
    for claim in document_claims(doc):
        click.echo(json.dumps({k: claim.get(k) for k in fields}, ensure_ascii=False))
